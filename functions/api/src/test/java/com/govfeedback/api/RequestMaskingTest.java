package com.govfeedback.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.govfeedback.triage.text.RequestMasker;

import io.quarkus.funqy.Funq;

/**
 * Walks every request an exported function takes, down through nested records and lists: each String it carries must
 * come out of {@link RequestMasking} masked, unless it is named in {@link #CODES}, the fields whose validation holds them
 * to a strict form. A new free-text field fails here until it is masked; a new function class fails until it carries
 * {@link MaskedRequests}. Every other field must come out exactly as it went in.
 */
class RequestMaskingTest {
    private static final String PERSONAL = "联系13812345678，身份证11010519491231002X";
    private static final String[] RAW = {"13812345678", "11010519491231002X"};

    /** Record.component: what makes it a code. */
    private static final Map<String, String> CODES = Map.ofEntries(
            code("SubmitFeedback.clientRequestId", "8-64 of A-Za-z0-9._:-"), code("SubmitFeedback.channel", "enumeration"),
            code("FeedbackContext.regionCode", "six-digit GB/T 2260 code"), code("FeedbackContext.locale", "language tag"),
            code("Acknowledge.id", "id"), code("Transition.id", "id"), code("Transition.to", "status"),
            code("Transition.targetQuarter", "yyyyQn"), code("Transfer.id", "id"), code("Transfer.department", "taxonomy code"),
            code("Merge.id", "id"), code("Merge.into", "id"), code("Assign.id", "id"),
            code("Assign.owner", "the assignee's staff name or id, 1-64 letters, digits, . _ @ -: it addresses the notifications"),
            code("Assign.expectedBy", "date"), code("Reply.id", "id"), code("Review.id", "id"), code("Review.colour", "enumeration"),
            code("Review.department", "taxonomy code"), code("Rate.id", "id"), code("Appeal.id", "id"), code("DecideAppeal.id", "id"),
            code("DecideAppeal.decision", "enumeration"), code("QueueRequest.department", "taxonomy code"),
            code("QueueRequest.status", "enumeration"), code("QueueRequest.colour", "enumeration"), code("QueueRequest.cursor", "opaque cursor"),
            code("Create.clientRequestId", "8-64 of A-Za-z0-9._:-"), code("Create.feedbackIds", "ids"), code("Create.clusterId", "id"),
            code("Create.appVersions", "app versions"), code("Create.domains", "taxonomy codes"), code("Create.feedbackType", "taxonomy code"),
            code("Create.leadDepartment", "taxonomy code"), code("Create.coDepartments", "taxonomy codes"), code("Update.id", "id"),
            code("Update.appVersions", "app versions"), code("Update.domains", "taxonomy codes"), code("Update.feedbackType", "taxonomy code"),
            code("Update.coDepartments", "taxonomy codes"), code("Update.expectedDate", "date"), code("Move.id", "id"),
            code("Move.to", "status"), code("Move.expectedDate", "date"), code("Move.duplicateOf", "id"),
            code("ReleaseDetails.appVersion", "app version"), code("ReleaseDetails.releasedOn", "date"), code("Grade.id", "id"),
            code("Grade.effort", "enumeration"), code("Link.id", "id"), code("Link.feedbackIds", "ids"), code("Link.clusterId", "id"),
            code("ListPool.status", "enumeration"), code("ListPool.department", "taxonomy code"), code("ListPool.cursor", "opaque cursor"),
            code("FeedbackId.id", "id"), code("PageRequest.cursor", "opaque cursor"), code("ImprovementId.id", "id"),
            code("RoadmapRequest.status", "enumeration"), code("RoadmapRequest.cursor", "opaque cursor"), code("DashboardRequest.from", "date"),
            code("DashboardRequest.to", "date"), code("ProfileRequest.regionCode", "six digits"), code("BoardRequest.city", "four digits"),
            code("BoardRequest.period", "enumeration"), code("RedeemRequest.requestId", "client key"), code("RedeemRequest.rewardId", "catalogue id"),
            code("GrantRequest.causeId", "1-200 of A-Za-z0-9:_.-"), code("GrantRequest.citizen", "subject"), code("GrantRequest.rule", "rule id"),
            code("ApplyRequest.ageBand", "programme group"), code("ApplyRequest.district", "programme group"),
            code("DecideApplication.citizen", "subject"), code("PostTask.version", "1-30 of 0-9A-Za-z.-"), code("TaskRequest.taskId", "id"),
            code("SubmitResult.taskId", "id"), code("SubmitResult.clientRequestId", "8-64 of A-Za-z0-9._:-"), code("ReviewResult.taskId", "id"),
            code("ReviewResult.citizen", "subject"), code("DecideReward.improvementId", "id"), code("DayRequest.day", "date"),
            code("SeedRequest.rewardIds", "catalogue ids"), code("PreviewRequest.colour", "enumeration"),
            code("PreviewRequest.submittedAt", "ISO-8601 time"), code("SubmitFeedback.contactPhone", "validated phone number, sealed with SM4"),
            code("Withdraw.id", "id"), code("Supplement.id", "id"), code("FollowUpCall.id", "id"), code("Request.id", "id"),
            code("Request.cursor", "opaque cursor"), code("TrackingRequest.trackingNo", "tracking number pattern"),
            code("BugRequest.feedbackId", "id"), code("CopyQueueRequest.department", "taxonomy code"),
            code("CopyQueueRequest.cursor", "opaque cursor"));

    private final RequestMasker masker = RequestMasking.requestMasker();

    @Test
    void everyStringARequestCarriesIsMaskedUnlessItIsACode() throws Exception {
        Set<String> masked = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        for (Class<?> type : requestTypes()) {
            for (String path : stringPaths(type, "")) {
                Object request = sample(type, "", path);
                Object result = masker.mask(request);
                assertThat(result).as("%s: the masker keeps its type", type.getSimpleName()).isInstanceOf(type);
                assertThat(fields(result, "")).as("%s: every field but %s comes out as it went in", type.getSimpleName(), path)
                        .containsAllEntriesOf(withoutKey(fields(request, ""), path));
                String value = String.valueOf(fields(result, "").get(path));
                boolean isMasked = List.of(RAW).stream().noneMatch(value::contains);
                String owner = nestedOwner(type, path) + "." + path.substring(path.lastIndexOf('.') + 1);
                if (isMasked) {
                    assertThat(CODES).as("%s is masked: take it off CODES", owner).doesNotContainKey(owner);
                    masked.add(owner);
                } else {
                    assertThat(CODES).as("%s carries text into the store unmasked: mask it in RequestMasking, or list it in CODES "
                            + "if its validation holds it to a strict form", owner).containsKey(owner);
                    codes.add(owner);
                }
            }
        }
        assertThat(masked).contains("SubmitFeedback.text", "FeedbackContext.screenPath", "FeedbackContext.deviceModel", "Rate.comment",
                "Appeal.reason", "Reply.message", "Transition.internalNote", "Transfer.reason", "Create.title", "Create.screenPaths",
                "ReleaseDetails.note", "ReleaseDetails.mediaUrls", "ApplyRequest.device", "SubmitResult.text", "DecideReward.reason");
        assertThat(codes).as("every listed code is a field some request carries").isEqualTo(CODES.keySet());
    }

    @Test
    void everyFunctionClassMasksItsRequestsAndEveryRuleServesAFunction() throws Exception {
        Set<Class<?>> functionClasses = new LinkedHashSet<>();
        for (Method function : ExportedFunctions.all()) {
            functionClasses.add(function.getDeclaringClass());
            assertThat(function.getParameterCount()).as(function.toString()).isLessThanOrEqualTo(1);
        }
        assertThat(functionClasses).isNotEmpty().allSatisfy(type -> assertThat(type.isAnnotationPresent(MaskedRequests.class))
                .as("%s must carry @MaskedRequests", type.getSimpleName()).isTrue());
        Set<Class<?>> nested = new LinkedHashSet<>();
        for (Class<?> type : requestTypes()) {
            nestedRecords(type, nested);
        }
        assertThat(masker.types()).as("a rule for each request type and its nested records, and nothing else")
                .containsExactlyInAnyOrderElementsOf(nested);
    }

    @Test
    void aRequestTypeWithoutARuleIsRefused() {
        record Unregistered(String text) {
        }
        assertThatThrownBy(() -> masker.mask(new Unregistered(PERSONAL))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no masking rule");
        assertThat(masker.mask((Object) null)).isNull();
    }

    private static Map.Entry<String, String> code(String field, String why) {
        return Map.entry(field, why);
    }

    private static Set<Class<?>> requestTypes() throws Exception {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Method function : ExportedFunctions.all()) {
            if (function.getParameterCount() == 1) {
                types.add(function.getParameterTypes()[0]);
            }
        }
        return types;
    }

    private static void nestedRecords(Class<?> type, Set<Class<?>> into) {
        into.add(type);
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().isRecord()) {
                nestedRecords(component.getType(), into);
            }
        }
    }

    /** The paths (component, or component.component in a nested record) of every String and List of String. */
    private static List<String> stringPaths(Class<?> type, String prefix) {
        List<String> paths = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            if (component.getType() == String.class || isStringList(component.getGenericType())) {
                paths.add(path);
            } else if (component.getType().isRecord()) {
                paths.addAll(stringPaths(component.getType(), path + "."));
            }
        }
        return paths;
    }

    private static String nestedOwner(Class<?> type, String path) {
        Class<?> owner = type;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            for (RecordComponent component : owner.getRecordComponents()) {
                if (component.getName().equals(steps[i])) {
                    owner = component.getType();
                }
            }
        }
        return owner.getSimpleName();
    }

    /** An instance whose field at {@code target} holds personal data and every other field a value of its own. */
    private static Object sample(Class<?> type, String prefix, String target) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String path = prefix + component.getName();
            types[i] = component.getType();
            String text = path.equals(target) ? PERSONAL : "v-" + path;
            values[i] = component.getType() == String.class ? text
                    : isStringList(component.getGenericType()) ? List.of(text)
                    : component.getType().isRecord() ? sample(component.getType(), path + ".", target)
                    : component.getType() == Integer.class ? Integer.valueOf(3)
                    : component.getType() == Long.class ? Long.valueOf(4)
                    : component.getType() == Boolean.class ? Boolean.TRUE
                    : component.getType() == Instant.class ? Instant.EPOCH
                    : null;
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    /** Every leaf field by path: what a comparison before and after masking reads. */
    private static Map<String, Object> fields(Object request, String prefix) throws Exception {
        Map<String, Object> fields = new java.util.TreeMap<>();
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            Object value = component.getAccessor().invoke(request);
            if (component.getType().isRecord() && value != null) {
                fields.putAll(fields(value, prefix + component.getName() + "."));
            } else {
                fields.put(prefix + component.getName(), value);
            }
        }
        return fields;
    }

    private static Map<String, Object> withoutKey(Map<String, Object> map, String key) {
        Map<String, Object> copy = new java.util.TreeMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static boolean isStringList(Type type) {
        return type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == String.class;
    }
}

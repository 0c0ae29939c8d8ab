package com.govfeedback.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Writes the OpenAPI document from the {@code @Funq} methods themselves at build time (smallrye-openapi
 * does not discover Funqy functions): one POST operation per function, request and response schemas
 * from the record types, the roles and error answers from {@link ApiDoc}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class FunctionsOpenApi implements OASFilter {
    private static final DotName FUNQ = DotName.createSimple("io.quarkus.funqy.Funq");
    private static final DotName API_DOC = DotName.createSimple(ApiDoc.class.getName());
    /** Statuses any operation can answer: a malformed or oversized body, a store outage, our own bug. */
    private static final int[] COMMON_ERRORS = { 400, 413, 500, 503 };
    private static final Map<Integer, String> REASONS = Map.of(400, "Malformed JSON", 401, "Missing or invalid bearer token",
            403, "The caller's role may not do this", 404, "No such item, or not visible to the caller", 409,
            "Conflicts with the stored state", 413, "Body larger than 64 KiB", 422, "A field is invalid (see errors)", 429,
            "Quota used up; see Retry-After", 500, "Unexpected error on our side", 503, "The store is unreachable; nothing changed, retry");

    private final IndexView index;

    public FunctionsOpenApi(IndexView index) {
        this.index = index;
    }

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        Components components = openApi.getComponents();
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT"));
        components.addSchema("Problem", problemSchema());
        if (openApi.getPaths() == null) {
            openApi.setPaths(OASFactory.createPaths());
        }
        List<MethodInfo> functions = new ArrayList<>();
        for (AnnotationInstance funq : index.getAnnotations(FUNQ)) {
            functions.add(funq.target().asMethod());
        }
        functions.sort(Comparator.comparing(FunctionsOpenApi::path));
        for (MethodInfo function : functions) {
            openApi.getPaths().addPathItem(path(function), OASFactory.createPathItem().POST(operation(function, components)));
        }
    }

    static String path(MethodInfo function) {
        AnnotationValue name = function.annotation(FUNQ).value();
        return "/" + (name == null || name.asString().isEmpty() ? function.name() : name.asString());
    }

    private Operation operation(MethodInfo function, Components components) {
        AnnotationInstance doc = function.annotation(API_DOC);
        String[] roles = doc == null || doc.value("roles") == null ? new String[0] : doc.value("roles").asStringArray();
        Set<Integer> errors = new LinkedHashSet<>();
        if (doc != null && doc.value("errors") != null) {
            for (int status : doc.value("errors").asIntArray()) {
                errors.add(status);
            }
        }
        for (int status : COMMON_ERRORS) {
            errors.add(status);
        }
        String tag = path(function).substring(1).split("/")[0];
        Operation operation = OASFactory.createOperation()
                .operationId(path(function).substring(1).replace('/', '_'))
                .summary(doc == null ? function.name() : doc.value("summary").asString())
                .description(roles.length == 0 ? "Public." : "Roles: " + String.join(", ", roles) + ".")
                .addTag(tag);
        if (roles.length > 0) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        }
        if (function.parametersCount() > 0) {
            operation.requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                    .addMediaType("application/json", OASFactory.createMediaType().schema(schema(function.parameterType(0), components)))));
        }
        APIResponses responses = OASFactory.createAPIResponses();
        Type output = function.returnType();
        if (output.kind() == Type.Kind.VOID) {
            responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Done"));
        } else {
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("OK").content(OASFactory.createContent()
                    .addMediaType("application/json", OASFactory.createMediaType().schema(schema(output, components)))));
        }
        for (int status : errors) {
            responses.addAPIResponse(Integer.toString(status), OASFactory.createAPIResponse()
                    .description(REASONS.getOrDefault(status, "Error"))
                    .content(OASFactory.createContent().addMediaType(ProblemResponder.PROBLEM_JSON,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
        }
        return operation.responses(responses);
    }

    /** The schema of a Java type; records and enums become named components. */
    private Schema schema(Type type, Components components) {
        String name = type.name().toString();
        switch (name) {
            case "java.lang.String", "char", "java.lang.Character":
                return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            case "int", "long", "short", "java.lang.Integer", "java.lang.Long", "java.lang.Short":
                return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER);
            case "double", "float", "java.lang.Double", "java.lang.Float", "java.math.BigDecimal":
                return OASFactory.createSchema().addType(Schema.SchemaType.NUMBER);
            case "boolean", "java.lang.Boolean":
                return OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN);
            case "java.time.Instant", "java.time.OffsetDateTime":
                return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time");
            case "java.time.LocalDate":
                return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date");
            default:
                break;
        }
        if (type.kind() == Type.Kind.PARAMETERIZED_TYPE) {
            List<Type> arguments = type.asParameterizedType().arguments();
            if (name.equals("java.util.List") || name.equals("java.util.Set") || name.equals("java.util.Collection")) {
                return OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(schema(arguments.get(0), components));
            }
            if (name.equals("java.util.Map")) {
                return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesSchema(schema(arguments.get(1), components));
            }
            if (name.equals("io.smallrye.mutiny.Uni")) {
                return schema(arguments.get(0), components);
            }
        }
        ClassInfo info = index.getClassByName(type.name());
        if (info == null) {
            return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        }
        String component = info.simpleName();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(component)) {
            Schema placeholder = OASFactory.createSchema();
            components.addSchema(component, placeholder);
            if (info.isInterface() && !info.permittedSubclasses().isEmpty()) {
                // a sealed answer: one of its permitted records
                for (DotName permitted : info.permittedSubclasses()) {
                    placeholder.addOneOf(schema(Type.create(permitted, Type.Kind.CLASS), components));
                }
            } else if (info.isEnum()) {
                placeholder.addType(Schema.SchemaType.STRING);
                for (FieldInfo constant : info.enumConstants()) {
                    placeholder.addEnumeration(constant.name());
                }
            } else {
                placeholder.addType(Schema.SchemaType.OBJECT);
                Map<String, Schema> properties = new TreeMap<>();
                for (RecordComponentInfo field : info.recordComponents()) {
                    properties.put(field.name(), schema(field.type(), components));
                }
                properties.forEach(placeholder::addProperty);
            }
        }
        return OASFactory.createSchema().ref("#/components/schemas/" + component);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError));
    }
}

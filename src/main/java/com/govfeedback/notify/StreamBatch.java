package com.govfeedback.notify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import com.govfeedback.shared.Json;
import com.govfeedback.storage.ItemChanges;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB stream batch as Lambda delivers it (JSON with {@code Records[].dynamodb.OldImage/NewImage}), handed record
 * by record to the other consumers of a change and to {@link NotificationDelivery}; a consumer that fails fails the record. The answer is Lambda's partial batch response: the sequence numbers of the records
 * whose outcome could not be recorded, so only those (and the ones after them) are retried. The images are read straight
 * into the SDK's {@link AttributeValue} without reflection.
 */
public final class StreamBatch {
    private static final Logger LOG = Logger.getLogger(StreamBatch.class);

    private final NotificationDelivery delivery;
    private final ItemChanges alsoTold;

    /** @param alsoTold the other consumers of each change (the dashboard's aggregates), told before delivery */
    public StreamBatch(NotificationDelivery delivery, ItemChanges alsoTold) {
        this.delivery = delivery;
        this.alsoTold = alsoTold;
    }

    /** The records' outcome: what was delivered in total, and which records failed. */
    public record Result(NotificationDelivery.Report report, List<String> failedSequenceNumbers) {
        /** Lambda's StreamsEventResponse: {@code {"batchItemFailures": [{"itemIdentifier": sequenceNumber}]}}. */
        public ObjectNode toResponse() {
            ObjectNode response = Json.mapper().createObjectNode();
            ArrayNode failures = response.putArray("batchItemFailures");
            failedSequenceNumbers.forEach(sequence -> failures.addObject().put("itemIdentifier", sequence));
            return response;
        }
    }

    public Result process(InputStream event) throws IOException {
        return process(Json.mapper().readTree(event));
    }

    public Result process(JsonNode event) {
        NotificationDelivery.Report total = NotificationDelivery.Report.NOTHING;
        List<String> failed = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            JsonNode change = record.path("dynamodb");
            String sequence = change.path("SequenceNumber").asText();
            if ("REMOVE".equals(record.path("eventName").asText()) || !change.hasNonNull("NewImage")) {
                continue;
            }
            try {
                Map<String, AttributeValue> newImage = image(change.get("NewImage"));
                alsoTold.changed(change.hasNonNull("OldImage") ? image(change.get("OldImage")) : null, newImage);
                NotificationDelivery.Report report = delivery.deliverImage(newImage);
                total = total.plus(report);
                if (report.unrecorded() > 0) {
                    failed.add(sequence);
                }
            } catch (RuntimeException unreadable) {
                LOG.errorf(unreadable, "stream record %s could not be handled", sequence);
                failed.add(sequence);
            }
        }
        return new Result(total, failed);
    }

    /** A stream image ({@code {"attr": {"S": "…"}}}) as SDK attribute values. */
    static Map<String, AttributeValue> image(JsonNode image) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = image.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            item.put(field.getKey(), value(field.getValue()));
        }
        return item;
    }

    private static AttributeValue value(JsonNode node) {
        Map.Entry<String, JsonNode> typed = node.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.asText());
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v));
            case "BS" -> AttributeValue.fromBs(texts(v).stream().map(b -> SdkBytes.fromByteArray(Base64.getDecoder().decode(b))).toList());
            case "M" -> AttributeValue.fromM(image(v));
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                v.forEach(element -> list.add(value(element)));
                yield AttributeValue.fromL(list);
            }
            default -> throw new IllegalArgumentException("unknown attribute type " + typed.getKey());
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }
}

package com.govfeedback.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.govfeedback.shared.Ids;
import com.govfeedback.shared.Json;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB stream event in Lambda's JSON shape from src/test/resources/notify, given a fresh feedback id so tests
 * sharing one store do not meet. {@link #storeNewImages} puts the feedback images into the store, as the write that
 * produced the record did.
 */
public final class RecordedStream {
    public static final String RECORDED_ID = "01KB3Z7Q0M4V9X2C8D6E5F4G3H";

    public final String feedbackId;
    public final JsonNode event;

    private RecordedStream(String feedbackId, JsonNode event) {
        this.feedbackId = feedbackId;
        this.event = event;
    }

    public static RecordedStream load(String resource) {
        try (InputStream in = RecordedStream.class.getResourceAsStream("/notify/" + resource)) {
            String id = Ids.newId(Instant.now());
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(RECORDED_ID, id);
            return new RecordedStream(id, Json.mapper().readTree(text));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the recorded event " + resource, e);
        }
    }

    public RecordedStream storeNewImages(DynamoDbClient dynamo, String table) {
        for (JsonNode record : event.path("Records")) {
            JsonNode image = record.path("dynamodb").get("NewImage");
            if (image != null) {
                Map<String, AttributeValue> item = StreamBatch.image(image);
                dynamo.putItem(b -> b.tableName(table).item(item));
            }
        }
        return this;
    }
}

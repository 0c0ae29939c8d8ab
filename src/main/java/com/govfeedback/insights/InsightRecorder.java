package com.govfeedback.insights;

import java.util.Map;

import com.govfeedback.feedback.store.FeedbackItems;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps the dashboard's aggregates from every change of a feedback item: the table stream's consumer in the cloud, the
 * repository's write hook locally. Other items are ignored; each change is applied once ({@link InsightStore#apply}).
 */
public final class InsightRecorder implements ItemChanges {
    private final InsightStore store;

    public InsightRecorder(InsightStore store) {
        this.store = store;
    }

    @Override
    public void changed(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        if (!isFeedback(newImage)) {
            return;
        }
        FeedbackFacts before = isFeedback(oldImage) ? FeedbackFacts.of(FeedbackItems.fromItem(oldImage)) : null;
        InsightDelta delta = InsightDelta.between(before, FeedbackFacts.of(FeedbackItems.fromItem(newImage)));
        if (!delta.isEmpty()) {
            store.apply(delta);
        }
    }

    private static boolean isFeedback(Map<String, AttributeValue> image) {
        return image != null && FeedbackItems.ENTITY.equals(Attributes.string(image, TableSchema.ENTITY));
    }
}

package com.govfeedback.bridge;

import java.util.Map;

import com.govfeedback.improvement.store.ImprovementItems;
import com.govfeedback.improvement.store.LinkRecord;
import com.govfeedback.participation.events.ParticipationEvents;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pays a citizen when staff take their feedback into an improvement (需求池): a new link item, seen on the table
 * stream in the cloud and from the improvement store's writes locally. Paid once per feedback and improvement, whatever
 * the repeats (the ledger is keyed by the cause); a link rewritten later (its facts refreshed) pays nothing.
 */
public final class PointsForLinkedFeedback implements ItemChanges {
    private final ParticipationEvents events;

    public PointsForLinkedFeedback(ParticipationEvents events) {
        this.events = events;
    }

    @Override
    public void changed(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        if (oldImage != null || newImage == null || !ImprovementItems.LINK_ENTITY.equals(Attributes.string(newImage, TableSchema.ENTITY))) {
            return;
        }
        LinkRecord link = ImprovementItems.link(newImage);
        events.feedbackAccepted(link.feedbackId(), ImprovementItems.improvementOfLink(newImage), link.citizen());
    }
}

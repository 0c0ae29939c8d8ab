package com.govfeedback.bridge;

import java.util.Comparator;
import java.util.Map;

import com.govfeedback.improvement.Improvement;
import com.govfeedback.improvement.ImprovementStatus;
import com.govfeedback.improvement.store.ImprovementItems;
import com.govfeedback.improvement.store.ImprovementStore;
import com.govfeedback.improvement.store.LinkRecord;
import com.govfeedback.participation.events.ParticipationEvents;
import com.govfeedback.participation.ideas.GoldenIdeas;
import com.govfeedback.participation.ledger.PointRules;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Credits a 金点子 when an improvement that adopted a suggestion is RELEASED: the improvement's type is one the
 * GOLDEN_IDEA_ADOPTED rule applies to (participation/point-rules.json), and the contributor is the citizen whose linked
 * feedback was sent first (the one who had the idea). Seen on the table stream in the cloud and from the improvement
 * store's writes locally; participation records and pays it once per improvement, whatever the repeats.
 */
public final class GoldenIdeasOnRelease implements ItemChanges {
    private static final String STATUS = "status";
    private final ImprovementStore store;
    private final ParticipationEvents events;
    private final PointRules.Rule rule;

    public GoldenIdeasOnRelease(ImprovementStore store, ParticipationEvents events, PointRules rules) {
        this.store = store;
        this.events = events;
        this.rule = rules.rule(GoldenIdeas.RULE);
    }

    @Override
    public void changed(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        if (newImage == null || !ImprovementItems.ENTITY.equals(Attributes.string(newImage, TableSchema.ENTITY))) {
            return;
        }
        // every write of an improvement passes here: only a move to RELEASED is decoded in full
        String released = ImprovementStatus.RELEASED.name();
        if (!released.equals(Attributes.string(newImage, STATUS)) || (oldImage != null && released.equals(Attributes.string(oldImage, STATUS)))) {
            return;
        }
        Improvement improvement = ImprovementItems.fromItem(newImage);
        if (!rule.appliesTo(improvement.feedbackType())) {
            return;
        }
        store.allLinks(improvement.id()).stream().min(Comparator.comparing(LinkRecord::submittedAt)).ifPresent(
                first -> events.improvementReleased(improvement.id(), first.citizen(), improvement.title(), improvement.release().releasedAt()));
    }
}

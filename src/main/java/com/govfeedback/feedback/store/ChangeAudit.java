package com.govfeedback.feedback.store;

import static com.govfeedback.storage.Attributes.string;

import java.util.Map;

import com.govfeedback.audit.AuditEvent;
import com.govfeedback.audit.AuditEventAttributes;
import com.govfeedback.audit.AuditStore;
import com.govfeedback.storage.Attributes;
import com.govfeedback.storage.ItemChanges;
import com.govfeedback.storage.TableSchema;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A consumer of feedback changes (the table stream in the cloud, the write listener locally): appends the audit event a
 * changed item carries to its case's chain. Only when the change brought a new event (the sweep's and the notifier's
 * writes bring none); a change delivered again finds its event already chained ({@link AuditEvent#mayRepeat}). A failure
 * fails the stream record, which Lambda then retries.
 */
public final class ChangeAudit implements ItemChanges {
    /** The attribute of a feedback item holding its latest change's audit event. */
    static final String ATTRIBUTE = "audit";

    private final AuditStore audit;

    public ChangeAudit(AuditStore audit) {
        this.audit = audit;
    }

    @Override
    public void changed(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        if (!FeedbackItems.ENTITY.equals(string(newImage, TableSchema.ENTITY))) {
            return;
        }
        Map<String, AttributeValue> event = Attributes.map(newImage, ATTRIBUTE);
        if (event.isEmpty() || oldImage != null && event.equals(Attributes.map(oldImage, ATTRIBUTE))) {
            return;
        }
        audit.append(string(newImage, "id"), AuditEventAttributes.fromAttributes(event));
    }
}

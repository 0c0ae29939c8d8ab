package com.govfeedback.api;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.govfeedback.audit.AuditStore;
import com.govfeedback.crypto.EnvelopeCipher;
import com.govfeedback.crypto.KeyWrapper;
import com.govfeedback.crypto.KmsKeyWrapper;
import com.govfeedback.crypto.LocalKeyFiles;
import com.govfeedback.feedback.audit.CaseAuditTrail;
import com.govfeedback.feedback.contact.ContactProtection;
import com.govfeedback.feedback.contact.ContactReveal;
import com.govfeedback.feedback.store.FeedbackRepository;
import com.govfeedback.triage.Triage;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The audit chains, and the callback phone's encryption with the key-encryption key the configuration names. */
@ApplicationScoped
public class AuditWiring {

    @Produces
    @ApplicationScoped
    AuditStore auditStore(DynamoDbClient dynamo, ApiConfig config, Clock clock) {
        return new AuditStore(dynamo, config.tableName(), clock);
    }

    @Produces
    @ApplicationScoped
    ContactProtection contactProtection(ApiConfig config, Clock clock) {
        ApiConfig.Contact contact = config.contact();
        KeyWrapper keys = contact.kmsKeyArn().<KeyWrapper>map(arn -> KmsKeyWrapper.forKey(arn, DefaultCredentialsProvider.builder().build()))
                .or(() -> contact.localKeyDir().map(dir -> new LocalKeyFiles(Path.of(dir))))
                .orElseThrow(() -> new IllegalStateException("no key-encryption key for callback phones: set feedback.contact.kms-key-arn "
                        + "(FEEDBACK_CONTACT_KMS_KEY_ARN) or, locally, feedback.contact.local-key-dir"));
        return new ContactProtection(new EnvelopeCipher(keys, contact.dataKeyLifetime(), clock));
    }

    @Produces
    @ApplicationScoped
    ContactReveal contactReveal(FeedbackRepository repository, ContactProtection protection, AuditStore audit, Triage triage, Clock clock) {
        return new ContactReveal(repository, protection, audit, triage, clock);
    }

    @Produces
    @ApplicationScoped
    CaseAuditTrail caseAuditTrail(FeedbackRepository repository, AuditStore audit, Clock clock) {
        return new CaseAuditTrail(repository, audit, clock);
    }
}

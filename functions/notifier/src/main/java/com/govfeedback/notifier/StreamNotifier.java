package com.govfeedback.notifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

import com.govfeedback.deploy.DeployNames;
import com.govfeedback.notify.StreamBatch;
import com.govfeedback.shared.Json;

/**
 * The Lambda handler for the table's stream ({@code QUARKUS_LAMBDA_HANDLER=notifier}): keeps the dashboard's aggregates and the copy queues, and delivers the pending notifications
 * of each record's new image and answers the partial batch response. It reads the event JSON itself, straight into the
 * SDK's attribute values: no reflection-based binding of the Lambda event classes (native-friendly).
 */
@Named(DeployNames.NOTIFIER_HANDLER)
public class StreamNotifier implements RequestStreamHandler {
    private static final Logger LOG = Logger.getLogger(StreamNotifier.class);

    @Inject
    StreamBatch batch;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StreamBatch.Result result = batch.process(input);
        if (!result.failedSequenceNumbers().isEmpty() || result.report().dead() > 0) {
            LOG.warnf("stream batch: %s; records to retry: %s", result.report(), result.failedSequenceNumbers());
        }
        Json.mapper().writeValue(output, result.toResponse());
    }
}

package com.govfeedback.storage;

import java.util.Set;
import java.util.function.Supplier;

import com.govfeedback.shared.StoreUnavailableException;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Runs a store call and turns "the store is unreachable or overloaded" into {@link StoreUnavailableException}
 * (503, safe to retry). Every other store error is a bug of ours and stays as it is.
 */
public final class StoreCalls {
    private static final Set<String> TRANSIENT = Set.of("ProvisionedThroughputExceededException", "RequestLimitExceeded",
            "ThrottlingException", "InternalServerError", "ServiceUnavailable", "LimitExceededException");

    private StoreCalls() {
    }

    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkClientException unreachable) {
            throw new StoreUnavailableException("the feedback store cannot be reached; nothing was changed, try again", unreachable);
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (e.statusCode() >= 500 || TRANSIENT.contains(code)) {
                throw new StoreUnavailableException("the feedback store is busy; nothing was changed, try again", e);
            }
            throw e;
        }
    }

    public static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}

package com.govfeedback.storage;

import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Told of a stored item's change with the images a table stream carries: in the cloud from the stream, locally from the
 * write itself. Consumers must be idempotent per change, since a stream record may be delivered more than once.
 */
@FunctionalInterface
public interface ItemChanges {
    ItemChanges NONE = (oldImage, newImage) -> {
    };

    /**
     * @param oldImage the item before the change; null for a new item
     * @param newImage the item after it
     */
    void changed(Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage);

    /** This consumer, then {@code next}. */
    default ItemChanges andThen(ItemChanges next) {
        return (oldImage, newImage) -> {
            changed(oldImage, newImage);
            next.changed(oldImage, newImage);
        };
    }
}

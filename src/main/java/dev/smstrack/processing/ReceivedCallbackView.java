package dev.smstrack.processing;

import java.time.Instant;

/** A kept callback as operators see it; the payload only when one callback is asked for. */
public record ReceivedCallbackView(
        String id, String type, ReceivedCallback.Outcome outcome, String problem, Instant receivedAt, String payload) {

    static ReceivedCallbackView of(ReceivedCallback callback, boolean withPayload) {
        return new ReceivedCallbackView(
                callback.id(),
                callback.type(),
                callback.outcome(),
                callback.problem(),
                callback.receivedAt(),
                withPayload ? callback.payload() : null);
    }
}

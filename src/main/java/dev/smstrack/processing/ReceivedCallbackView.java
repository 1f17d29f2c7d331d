package dev.smstrack.processing;

import java.time.Instant;

/** A kept callback as operators see it, with the raw payload Sinch sent. */
public record ReceivedCallbackView(
        String id, String type, ReceivedCallback.Outcome outcome, String problem, Instant receivedAt, String payload) {

    static ReceivedCallbackView of(ReceivedCallback callback) {
        return new ReceivedCallbackView(
                callback.id(),
                callback.type(),
                callback.outcome(),
                callback.problem(),
                callback.receivedAt(),
                callback.payload());
    }
}

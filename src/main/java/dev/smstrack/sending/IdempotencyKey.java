package dev.smstrack.sending;

import dev.smstrack.platform.Digests;
import dev.smstrack.sending.SendValidation.ValidRequest;
import dev.smstrack.sending.api.SendOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A client reference (or Idempotency-Key) as the product keeps it: scoped to the caller who gave it,
 * so that one caller can neither read another's result nor block another's send by guessing a key,
 * and with a digest of the request, so that the same key with a different request is told apart.
 */
record IdempotencyKey(String scoped, String requestDigest) {

    /** The key of this caller's request; null when the request gives none. */
    static IdempotencyKey of(String caller, ValidRequest request) {
        if (request.clientReference() == null) {
            return null;
        }
        List<Object> fields = new ArrayList<>(List.of(
                "request", String.join(",", request.to()), request.body(), request.from(), request.deliveryReport()));
        if (!request.options().equals(SendOptions.NONE)) {
            // Only then: keys stored before options existed still match the same request.
            fields.add(optionsOf(request.options()));
        }
        return new IdempotencyKey(
                Digests.sha256("idempotency", caller, request.clientReference()), Digests.sha256(fields.toArray()));
    }

    private static String optionsOf(SendOptions options) {
        return String.join(
                ",",
                String.valueOf(options.sendAt()),
                String.valueOf(options.expireAt()),
                ParameterJson.canonical(options.parameters()),
                String.valueOf(options.flash()),
                String.valueOf(options.maxParts()),
                String.valueOf(options.feedbackEnabled()));
    }
}

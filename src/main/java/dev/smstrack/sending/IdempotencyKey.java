package dev.smstrack.sending;

import dev.smstrack.platform.Digests;
import dev.smstrack.sending.SendValidation.ValidRequest;

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
        return new IdempotencyKey(
                Digests.sha256("idempotency", caller, request.clientReference()),
                Digests.sha256(
                        "request",
                        String.join(",", request.to()),
                        request.body(),
                        request.from(),
                        request.deliveryReport()));
    }
}

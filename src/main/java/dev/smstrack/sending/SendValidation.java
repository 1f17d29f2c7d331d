package dev.smstrack.sending;

import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a send request against Sinch's limits before anything is stored or sent. */
final class SendValidation {

    static final int MAX_RECIPIENTS = 1000;
    static final int MAX_BODY = 2000;
    static final int MAX_SENDER = 32;
    static final int MAX_REFERENCE = 128;
    static final Set<String> DELIVERY_REPORTS =
            Set.of("none", "summary", "full", "per_recipient", "per_recipient_final");

    private SendValidation() {}

    /** A request that passed: the sender and delivery report resolved to their defaults. */
    record ValidRequest(List<String> to, String body, String from, String clientReference, String deliveryReport) {}

    static ValidRequest check(SendRequest request, Optional<String> defaultFrom, String defaultDeliveryReport)
            throws InvalidSendRequestException {
        if (request == null) {
            throw new InvalidSendRequestException("request", "is missing");
        }
        List<String> to = request.to();
        if (to == null || to.isEmpty() || to.size() > MAX_RECIPIENTS) {
            throw new InvalidSendRequestException("to", "must list 1 to " + MAX_RECIPIENTS + " recipients");
        }
        Set<String> seen = new HashSet<>();
        for (String recipient : to) {
            if (!PhoneNumbers.isE164(recipient)) {
                throw new InvalidSendRequestException("to", recipient + " is not an E.164 number like +46701234567");
            }
            if (!seen.add(recipient)) {
                throw new InvalidSendRequestException("to", recipient + " is listed twice");
            }
        }
        String body = request.body();
        if (body == null || body.isBlank()) {
            throw new InvalidSendRequestException("body", "is required");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidSendRequestException("body", "is longer than " + MAX_BODY + " characters");
        }
        String from = request.from() != null ? request.from() : defaultFrom.orElse(null);
        if (from == null || from.isBlank()) {
            throw new InvalidSendRequestException("from", "is required: no sender given and SINCH_FROM is not set");
        }
        if (from.length() > MAX_SENDER) {
            throw new InvalidSendRequestException("from", "is longer than " + MAX_SENDER + " characters");
        }
        String reference = request.clientReference();
        if (reference != null && (reference.isBlank() || reference.length() > MAX_REFERENCE)) {
            throw new InvalidSendRequestException("clientReference", "must be 1 to " + MAX_REFERENCE + " characters");
        }
        String deliveryReport = request.deliveryReport() != null ? request.deliveryReport() : defaultDeliveryReport;
        if (!DELIVERY_REPORTS.contains(deliveryReport)) {
            throw new InvalidSendRequestException("deliveryReport", "must be one of " + DELIVERY_REPORTS);
        }
        return new ValidRequest(List.copyOf(to), body, from, reference, deliveryReport);
    }
}

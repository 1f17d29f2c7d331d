package dev.smstrack.sending;

import dev.smstrack.messages.Personalisation;
import dev.smstrack.messages.SmsEncoding;
import dev.smstrack.platform.PhoneNumbers;
import dev.smstrack.sending.api.InvalidSendRequestException;
import dev.smstrack.sending.api.SendOptions;
import dev.smstrack.sending.api.SendRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a send request against Sinch's limits before anything is stored or sent. */
final class SendValidation {

    static final int MAX_RECIPIENTS = 1000;
    static final int MAX_BODY = 2000;
    static final int MAX_SENDER = 32;
    static final int MAX_REFERENCE = 128;
    static final Set<String> DELIVERY_REPORTS =
            Set.of("none", "summary", "full", "per_recipient", "per_recipient_final");

    private SendValidation() {}

    /** Sinch's default, and latest, expiry: this long after the send. */
    static final Duration LONGEST_EXPIRY = Duration.ofDays(3);

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A request that passed: the sender and delivery report resolved to their defaults. */
    record ValidRequest(
            List<String> to,
            String body,
            String from,
            String clientReference,
            String deliveryReport,
            SendOptions options) {

        /** The text this recipient gets: the body with its parameters' values. */
        String bodyFor(String recipient) {
            return Personalisation.bodyFor(body, options.parameters(), recipient);
        }
    }

    static ValidRequest check(
            SendRequest request,
            Optional<String> defaultFrom,
            String defaultDeliveryReport,
            Instant now,
            Instant latestSendAt)
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
        var valid = new ValidRequest(List.copyOf(to), body, from, reference, deliveryReport, request.options());
        checkOptions(valid, now, latestSendAt);
        return valid;
    }

    /** Sinch's own bounds, so that a request Sinch would refuse, or fail recipient by recipient, is never sent. */
    private static void checkOptions(ValidRequest request, Instant now, Instant latestSendAt)
            throws InvalidSendRequestException {
        SendOptions options = request.options();
        if (options.sendAt() != null) {
            if (options.sendAt().isBefore(now.minus(Duration.ofDays(1)))) {
                throw new InvalidSendRequestException("sendAt", "is more than a day in the past");
            }
            if (options.sendAt().isAfter(latestSendAt)) {
                throw new InvalidSendRequestException(
                        "sendAt",
                        "is later than " + latestSendAt + ": at most 30 days ahead, and a day within RETENTION_DAYS");
            }
        }
        if (options.expireAt() != null) {
            Instant sent = options.sendAt() != null && options.sendAt().isAfter(now) ? options.sendAt() : now;
            if (!options.expireAt().isAfter(sent)) {
                throw new InvalidSendRequestException(
                        "expireAt", "must be after " + (sent == now ? "now" : "sendAt") + " (" + sent + ")");
            }
            if (options.expireAt().isAfter(sent.plus(LONGEST_EXPIRY))) {
                throw new InvalidSendRequestException(
                        "expireAt", "must be at most 3 days after " + (sent == now ? "now" : "sendAt"));
            }
        }
        for (var parameter : options.parameters().entrySet()) {
            checkParameter(parameter.getKey(), parameter.getValue(), request.to());
        }
        if (!options.parameters().isEmpty()) {
            for (String recipient : request.to()) {
                // Sinch's limit is on the text each recipient gets.
                String text = Personalisation.bodyFor(request.body(), options.parameters(), recipient, MAX_BODY);
                if (text.length() > MAX_BODY) {
                    throw new InvalidSendRequestException(
                            "parameters",
                            "make the text for " + recipient + " longer than " + MAX_BODY + " characters");
                }
            }
        }
        if (options.maxParts() != null) {
            if (options.maxParts() < 1) {
                throw new InvalidSendRequestException("maxParts", "must be 1 or more");
            }
            for (String recipient : request.to()) {
                int parts = SmsEncoding.of(request.bodyFor(recipient)).parts();
                if (parts > options.maxParts()) {
                    throw new InvalidSendRequestException(
                            "maxParts",
                            "is " + options.maxParts() + " but the text for " + recipient + " takes " + parts
                                    + " parts: Sinch would not send it");
                }
            }
        }
    }

    private static void checkParameter(String name, Map<String, String> values, List<String> to)
            throws InvalidSendRequestException {
        String field = "parameters." + name;
        if (name == null || !PARAMETER_NAME.matcher(name).matches()) {
            throw new InvalidSendRequestException(
                    "parameters", "names are 1 to 64 of A-Z a-z 0-9 . _ - (as ${name} in the body), not " + name);
        }
        if (values == null || values.isEmpty()) {
            throw new InvalidSendRequestException(field, "must give values by recipient, or a \"default\"");
        }
        for (var value : values.entrySet()) {
            String key = value.getKey();
            if (!Personalisation.DEFAULT.equals(key) && !to.contains(key)) {
                throw new InvalidSendRequestException(
                        field, key + " is not a recipient of this request (nor \"default\")");
            }
            if (value.getValue() == null || value.getValue().length() > MAX_BODY) {
                throw new InvalidSendRequestException(
                        field, "the value for " + key + " must be a text of at most " + MAX_BODY + " characters");
            }
        }
        if (!values.containsKey(Personalisation.DEFAULT)) {
            for (String recipient : to) {
                if (!values.containsKey(recipient)) {
                    throw new InvalidSendRequestException(
                            field, "has no value for " + recipient + " and no \"default\": Sinch would not send to it");
                }
            }
        }
    }
}

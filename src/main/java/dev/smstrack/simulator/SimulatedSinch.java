package dev.smstrack.simulator;

import dev.smstrack.messages.SmsEncoding;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the simulated Sinch knows and does: accepts batches (or fails on purpose), then moves each
 * recipient from Queued to Dispatched to a final status and reports each step. It remembers the
 * last {@value #MOST_REMEMBERED} batches only, so that its memory stays bounded.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class SimulatedSinch {

    private static final String ULID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Inject
    SimulatorSettings settings;

    @Inject
    SimulatedCallbacks callbacks;

    /** The most batches (and client references) remembered: the oldest are forgotten first. */
    static final int MOST_REMEMBERED = 2_000;

    private static final Duration SLOW_DISPATCH = Duration.ofSeconds(2);
    private static final Duration SLOW_DELIVERY = Duration.ofSeconds(3);

    private final Map<String, SimulatedBatch> batches = bounded();
    private final Map<String, Integer> attempts = bounded();
    private final Map<String, Boolean> oddLookups = bounded();
    private final Map<String, Integer> lookups = bounded();

    /** The answer to a POST of a batch: status, JSON body, and Retry-After seconds if any. */
    public record Answer(int status, JsonObject body, Integer retryAfter) {}

    public Answer create(JsonObject request) {
        Optional<String> invalid = problemWith(request);
        if (invalid.isPresent()) {
            return error(400, "syntax_invalid_parameter_format", invalid.get());
        }
        var batch = new SimulatedBatch(newBatchId(), request, Instant.now());
        Scenario scenario = Scenario.of(batch.recipients());
        int attempt = attempts.merge(String.valueOf(batch.clientReference()), 1, Integer::sum);
        if (scenario == Scenario.INVALID) {
            return error(400, "syntax_invalid_parameter_format", "The recipient +46700000400 is not allowed");
        }
        if (scenario == Scenario.CREATED_WITHOUT_ID) {
            return new Answer(
                    201, Json.createObjectBuilder().add("type", "mt_text").build(), null);
        }
        if (scenario == Scenario.LOOKUP_WITHOUT_BATCHES) {
            oddLookups.put(String.valueOf(batch.clientReference()), Boolean.TRUE);
            return error(503, "service_unavailable", "Try again later");
        }
        if ((scenario == Scenario.TOO_MANY_REQUESTS && attempt <= 2) || settings.tooManyRequests()) {
            return new Answer(
                    429,
                    Json.createObjectBuilder().add("code", "too_many_requests").build(),
                    1);
        }
        if ((scenario == Scenario.UNAVAILABLE && attempt <= 2) || settings.unavailable()) {
            return error(503, "service_unavailable", "Try again later");
        }
        batches.put(batch.id, batch);
        if (scenario == Scenario.REPORT_BEFORE_ANSWER || settings.early()) {
            batch.recipients().forEach(recipient -> advance(batch, recipient, "Dispatched", 401, scenario));
        }
        scheduleLifecycle(batch, scenario);
        if (scenario == Scenario.CREATED_BUT_TIMED_OUT && attempt == 1) {
            return error(504, "gateway_timeout", "The batch may or may not have been created");
        }
        return new Answer(201, batch.created(), null);
    }

    /** True when the lookup of this reference's batches is to be answered without a "batches" list. */
    public boolean answersLookupOddly(String clientReference) {
        return oddLookups.containsKey(clientReference);
    }

    public List<JsonObject> withClientReference(String clientReference) {
        synchronized (batches) {
            return batches.values().stream()
                    .filter(batch -> clientReference.equals(batch.clientReference()))
                    .map(SimulatedBatch::created)
                    .toList();
        }
    }

    /** How often the report of this recipient was looked up: for tests of reconciliation. */
    public int lookupsOf(String batchId, String recipient) {
        return lookups.getOrDefault(batchId + "/" + recipient, 0);
    }

    /**
     * Cancels a batch: one still held (its send_at to come) never moves on, and reports nothing; one
     * already sent goes on as it was. Empty for a batch it does not know.
     */
    public Optional<JsonObject> cancel(String batchId) {
        var batch = batches.get(batchId);
        if (batch == null) {
            return Optional.empty();
        }
        batch.canceled.set(true);
        if (Instant.now().isBefore(batch.sendAt())) {
            batch.stopped.set(true);
        }
        return Optional.of(batch.created());
    }

    /** Sinch's dry run: each recipient's text, encoding and parts; nothing is sent. */
    public Answer dryRun(JsonObject request) {
        Optional<String> invalid = problemWith(request);
        if (invalid.isPresent()) {
            return error(400, "syntax_invalid_parameter_format", invalid.get());
        }
        var batch = new SimulatedBatch("dry-run", request, Instant.now());
        var perRecipient = Json.createArrayBuilder();
        int messages = 0;
        for (String recipient : batch.recipients()) {
            String body = batch.bodyFor(recipient);
            var encoding = SmsEncoding.of(body);
            messages += encoding.parts();
            perRecipient.add(Json.createObjectBuilder()
                    .add("recipient", recipient.startsWith("+") ? recipient.substring(1) : recipient)
                    .add("number_of_parts", encoding.parts())
                    .add("body", body)
                    .add("encoding", SmsEncoding.GSM.equals(encoding.name()) ? "text" : "unicode"));
        }
        return new Answer(
                200,
                Json.createObjectBuilder()
                        .add("number_of_recipients", batch.recipients().size())
                        .add("number_of_messages", messages)
                        .add("per_recipient", perRecipient)
                        .build(),
                null);
    }

    /** Delivery feedback: 202, for a batch sent with feedback_enabled only. */
    public Answer feedback(String batchId, JsonObject request) {
        var batch = batches.get(batchId);
        if (batch == null) {
            return error(404, "not_found", "No batch " + batchId);
        }
        if (!batch.feedbackEnabled()) {
            return error(400, "syntax_constraint_violation", "The batch was sent without feedback_enabled");
        }
        if (!(request.get("recipients") instanceof JsonArray recipients)) {
            return error(400, "syntax_invalid_parameter_format", "recipients is required");
        }
        recipients.getValuesAs(JsonString.class).forEach(recipient -> batch.feedback.add(recipient.getString()));
        return new Answer(202, JsonValue.EMPTY_JSON_OBJECT, null);
    }

    /** The recipients given delivery feedback for this batch: for tests. */
    public List<String> feedbackOf(String batchId) {
        var batch = batches.get(batchId);
        return batch == null ? List.of() : List.copyOf(batch.feedback);
    }

    public Optional<JsonObject> report(String batchId, String recipient) {
        lookups.merge(batchId + "/" + recipient, 1, Integer::sum);
        settings.lookupDelay();
        var batch = batches.get(batchId);
        if (batch == null) {
            return Optional.empty();
        }
        String number = recipient.startsWith("+") ? recipient : "+" + recipient;
        return batch.statuses.containsKey(number) ? Optional.of(batch.report(number)) : Optional.empty();
    }

    /** Held until its send_at, if that is to come; nothing moves once it is cancelled. */
    private void scheduleLifecycle(SimulatedBatch batch, Scenario scenario) {
        Duration held = Duration.between(Instant.now(), batch.sendAt());
        if (held.isNegative()) {
            held = Duration.ZERO;
        }
        scheduleLifecycle(batch, scenario, held);
    }

    private void scheduleLifecycle(SimulatedBatch batch, Scenario scenario, Duration held) {
        if (scenario == Scenario.FINAL_REPORTS_LOST) {
            // Final at once and never reported: only a lookup tells, whenever it comes.
            batch.recipients().forEach(recipient -> finish(batch, recipient, scenario));
            return;
        }
        for (String recipient : batch.recipients()) {
            boolean slowly = Scenario.appliesTo(Scenario.DELIVERED_SLOWLY, recipient);
            Duration dispatched = slowly ? SLOW_DISPATCH : settings.dispatchDelay();
            Duration done = dispatched.plus(slowly ? SLOW_DELIVERY : settings.finalDelay());
            if (settings.reorder()) {
                Duration swap = dispatched;
                dispatched = done;
                done = swap;
            }
            callbacks.later(held.plus(dispatched), () -> advance(batch, recipient, "Dispatched", 401, scenario));
            callbacks.later(held.plus(done), () -> finish(batch, recipient, scenario));
        }
    }

    private void finish(SimulatedBatch batch, String recipient, Scenario scenario) {
        double roll = ThreadLocalRandom.current().nextDouble();
        if (Scenario.appliesTo(Scenario.DELIVERED_SLOWLY, recipient)) {
            advance(batch, recipient, "Delivered", 0, scenario);
        } else if (Scenario.appliesTo(Scenario.FAILS, recipient) || roll < settings.failedShare()) {
            advance(batch, recipient, "Failed", 402, scenario);
        } else if (roll < settings.failedShare() + settings.expiredShare()) {
            advance(batch, recipient, "Expired", 406, scenario);
        } else {
            advance(batch, recipient, "Delivered", 0, scenario);
        }
    }

    /**
     * Records the recipient's new status and reports it, as the batch's delivery_report asks, to
     * this server: a callback_url in the request is ignored.
     */
    private void advance(SimulatedBatch batch, String recipient, String status, int code, Scenario scenario) {
        if (batch.stopped.get()) {
            return;
        }
        batch.statuses.put(recipient, new SimulatedBatch.Status(status, code, Instant.now()));
        boolean isFinal = !"Dispatched".equals(status);
        String kind = batch.request.getString("delivery_report", "none");
        boolean wanted = "per_recipient".equals(kind) || ("per_recipient_final".equals(kind) && isFinal);
        boolean lost =
                Scenario.appliesTo(Scenario.FINAL_REPORT_LOST, recipient) || scenario == Scenario.FINAL_REPORTS_LOST;
        boolean perBatch = "summary".equals(kind) || "full".equals(kind);
        if (perBatch && isFinal && !lost && batch.isFinal() && batch.batchReported.compareAndSet(false, true)) {
            callbacks.deliver(batch.batchReport("full".equals(kind)));
        }
        if (!wanted || (isFinal && lost)) {
            return;
        }
        JsonObject report = batch.report(recipient);
        callbacks.deliver(report);
        if (settings.duplicate()) {
            callbacks.deliver(report);
        }
    }

    private static Optional<String> problemWith(JsonObject request) {
        if (!(request.get("to") instanceof JsonArray to) || to.isEmpty() || to.size() > 1000) {
            return Optional.of("to must hold 1 to 1000 recipients");
        }
        if (!to.stream().allMatch(JsonString.class::isInstance)) {
            return Optional.of("to must hold strings");
        }
        if (!(request.get("body") instanceof JsonString body)
                || body.getString().length() > 2000) {
            return Optional.of("body must be a string of at most 2000 characters");
        }
        return Optional.empty();
    }

    private static Answer error(int status, String code, String text) {
        return new Answer(
                status,
                Json.createObjectBuilder().add("code", code).add("text", text).build(),
                null);
    }

    static <V> Map<String, V> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MOST_REMEMBERED;
            }
        });
    }

    private static String newBatchId() {
        var id = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            id.append(ULID_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ULID_ALPHABET.length())));
        }
        return id.toString();
    }
}

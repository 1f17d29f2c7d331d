package dev.smstrack.operations;

import dev.smstrack.callbacks.AdmittedCallback;
import dev.smstrack.callbacks.payload.CallbackParser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The product's meters, in the registry of WildFly's Micrometer subsystem (Prometheus format at the
 * management interface's /metrics). Labels take only values from small fixed sets: never a number,
 * an id or anything a caller chose.
 */
@ApplicationScoped
public class Meters {

    private static final Logger LOG = Logger.getLogger(Meters.class.getName());

    /** What an answer to Sinch's callback was. */
    public enum Answer {
        ACCEPTED,
        MALFORMED,
        UNAUTHORIZED,
        TOO_LARGE,
        UNAVAILABLE;

        String label() {
            return name().toLowerCase();
        }
    }

    @Inject
    MeterRegistry injected;

    private MeterRegistry registry;

    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    private volatile Timer processing;

    /**
     * The registry that WildFly exports. WildFly 39 injects a per-deployment wrapper of it whose
     * meter builders register into the wrapper alone, so that nothing built with them (a
     * description, a histogram) is ever exported; its public shortcuts take no histogram. Until a
     * WildFly forwards builders (WFLY-21061's follow-up), the meters go to the wrapped registry.
     */
    @PostConstruct
    void findExportedRegistry() {
        registry = injected;
        try {
            var parent = injected.getClass().getDeclaredField("parentRegistry");
            parent.setAccessible(true);
            if (parent.get(injected) instanceof MeterRegistry exported) {
                registry = exported;
            }
        } catch (ReflectiveOperationException | RuntimeException notWildFly39) {
            LOG.fine(() -> "Meters go to the injected registry: " + notWildFly39);
        }
    }

    MeterRegistry registry() {
        return registry;
    }

    /** An answer to a callback; {@code type} as {@link #typeLabel} bounds it. */
    public void callbackAnswered(String type, Answer answer) {
        counter(
                        "sms_tracker.callbacks.received",
                        "Callbacks received from Sinch, by type and by the answer they got",
                        "type",
                        typeLabel(type),
                        "answer",
                        answer.label())
                .increment();
    }

    /** A callback refused with 401, by the check it failed. */
    public void callbackRefused(String check) {
        counter("sms_tracker.callbacks.refused", "Callbacks refused with 401, by the check that failed", "check", check)
                .increment();
        callbackAnswered(null, Answer.UNAUTHORIZED);
    }

    /** Callbacks the consumer committed, by what they came to; {@code type} null when not known. */
    public void callbackProcessed(String type, String outcome, int count) {
        counter(
                        "sms_tracker.callbacks.processed",
                        "Callbacks the consumer committed, by type and outcome",
                        "type",
                        typeLabel(type),
                        "outcome",
                        outcome)
                .increment(count);
    }

    /** A queued callback committed by the consumer, this long after its receipt. */
    public void callbackCommitted(Instant receivedAt, Instant committedAt) {
        processing().record(Duration.between(receivedAt, committedAt));
    }

    /** A call to Sinch's API: which, what it answered (an HTTP status, or "unreachable"), how long it took. */
    public void sinchCalled(String operation, String answer, Duration took) {
        Timer.builder("sms_tracker.sinch.requests")
                .description("Calls to Sinch's API, by operation and answer")
                .tag("operation", operation)
                .tag("answer", answer)
                .register(registry)
                .record(took);
    }

    /** A login refused with 429: too many failed ones for its name or its address. */
    public void loginThrottled() {
        counter(
                        "sms_tracker.logins.throttled",
                        "Logins refused with 429 after too many failed ones for a name or from an address")
                .increment();
    }

    /** A send refused by the sending guard: {@code destination}, {@code sender}, {@code rate} or {@code quota}. */
    public void sendRefused(String rule) {
        counter("sms_tracker.sends.refused", "Send requests the sending guard refused, by rule", "rule", rule)
                .increment();
    }

    /** A message whose parts, as Sinch counted them in a report, differ from our estimate: counted once. */
    public void partsMiscounted() {
        counter(
                        "sms_tracker.messages.parts.mismatched",
                        "Messages whose parts, as Sinch reported them, differ from the product's estimate")
                .increment();
    }

    /** A scheduled send cancelled ({@code cancelled}), or delivery feedback given ({@code feedback}). */
    public void sendChanged(String change) {
        counter("sms_tracker.sends.changed", "Scheduled sends cancelled and delivery feedback given", "change", change)
                .increment();
    }

    /** A submission to Sinch that failed for now and is tried again later. */
    public void submissionRetried() {
        counter("sms_tracker.submissions.retried", "Submissions to Sinch scheduled again after a transient failure")
                .increment();
    }

    /**
     * The counter of this name and these labels (name, value, name, value…), registered once and
     * then found in a map: the callback path counts at every request, and building a meter there
     * costs a builder, an id and the registry's lookup each time.
     */
    private Counter counter(String name, String description, String... labels) {
        List<String> key = new ArrayList<>(labels.length + 1);
        key.add(name);
        key.addAll(Arrays.asList(labels));
        return counters.computeIfAbsent(key, unused -> Counter.builder(name)
                .description(description)
                .tags(labels)
                .register(registry));
    }

    private Timer processing() {
        Timer timer = processing;
        if (timer == null) {
            timer = Timer.builder("sms_tracker.callbacks.processing")
                    .description("From receipt of a callback to the commit of what it reported")
                    .publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofMinutes(10))
                    .register(registry);
            processing = timer;
        }
        return timer;
    }

    /** Callback types as Sinch names them, or "other": the label never takes an unbounded value. */
    static String typeLabel(String type) {
        if (type == null) {
            return "unknown";
        }
        return CallbackParser.reads(type) || AdmittedCallback.UNREADABLE.equals(type) ? type : "other";
    }
}

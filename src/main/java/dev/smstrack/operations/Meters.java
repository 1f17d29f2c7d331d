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
        Counter.builder("sms_tracker.callbacks.received")
                .description("Callbacks received from Sinch, by type and by the answer they got")
                .tag("type", typeLabel(type))
                .tag("answer", answer.label())
                .register(registry)
                .increment();
    }

    /** A callback refused with 401, by the check it failed. */
    public void callbackRefused(String check) {
        Counter.builder("sms_tracker.callbacks.refused")
                .description("Callbacks refused with 401, by the check that failed")
                .tag("check", check)
                .register(registry)
                .increment();
        callbackAnswered(null, Answer.UNAUTHORIZED);
    }

    /** Callbacks the consumer committed, by what they came to; {@code type} null when not known. */
    public void callbackProcessed(String type, String outcome, int count) {
        Counter.builder("sms_tracker.callbacks.processed")
                .description("Callbacks the consumer committed, by type and outcome")
                .tag("type", typeLabel(type))
                .tag("outcome", outcome)
                .register(registry)
                .increment(count);
    }

    /** A queued callback committed by the consumer, this long after its receipt. */
    public void callbackCommitted(Instant receivedAt, Instant committedAt) {
        Timer.builder("sms_tracker.callbacks.processing")
                .description("From receipt of a callback to the commit of what it reported")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry)
                .record(Duration.between(receivedAt, committedAt));
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

    /** A submission to Sinch that failed for now and is tried again later. */
    /** A login refused with 429: too many failed ones for its name or its address. */
    public void loginThrottled() {
        Counter.builder("sms_tracker.logins.throttled")
                .description("Logins refused with 429 after too many failed ones for a name or from an address")
                .register(registry)
                .increment();
    }

    /** A send refused by the sending guard: {@code destination}, {@code sender}, {@code rate} or {@code quota}. */
    public void sendRefused(String rule) {
        Counter.builder("sms_tracker.sends.refused")
                .description("Send requests the sending guard refused, by rule")
                .tag("rule", rule)
                .register(registry)
                .increment();
    }

    /** A message whose parts, as Sinch counted them in a report, differ from our estimate: counted once. */
    public void partsMiscounted() {
        Counter.builder("sms_tracker.messages.parts.mismatched")
                .description("Messages whose parts, as Sinch reported them, differ from the product's estimate")
                .register(registry)
                .increment();
    }

    /** A scheduled send cancelled ({@code cancelled}), or delivery feedback given ({@code feedback}). */
    public void sendChanged(String change) {
        Counter.builder("sms_tracker.sends.changed")
                .description("Scheduled sends cancelled and delivery feedback given")
                .tag("change", change)
                .register(registry)
                .increment();
    }

    public void submissionRetried() {
        Counter.builder("sms_tracker.submissions.retried")
                .description("Submissions to Sinch scheduled again after a transient failure")
                .register(registry)
                .increment();
    }

    /** Callback types as Sinch names them, or "other": the label never takes an unbounded value. */
    static String typeLabel(String type) {
        if (type == null) {
            return "unknown";
        }
        return CallbackParser.reads(type) || AdmittedCallback.UNREADABLE.equals(type) ? type : "other";
    }
}

package dev.smstrack.sending;

import jakarta.json.JsonString;
import java.time.Duration;
import java.util.Optional;

/**
 * What Sinch's answer to a batch request means for the request: a pure function of the answer, so
 * that every answer Sinch may give is decided in one place and tested as a table.
 */
sealed interface SubmissionOutcome {

    /** What is done with each outcome: {@link #recordWith} calls the one method that is its. */
    interface Recording {
        void submitted(String batchId);

        void rejected(String code, String text);

        void retryLater(Optional<Duration> retryAfter, String reason);

        void failed(String reason);
    }

    void recordWith(Recording recording);

    /** 2xx with a batch id: the messages are SUBMITTED under it. */
    record Submitted(String batchId) implements SubmissionOutcome {
        @Override
        public void recordWith(Recording recording) {
            recording.submitted(batchId);
        }
    }

    /** 400 or 403: Sinch refused the request as it is; REJECTED with Sinch's code and text. */
    record Rejected(String code, String text) implements SubmissionOutcome {
        @Override
        public void recordWith(Recording recording) {
            recording.rejected(code, text);
        }
    }

    /** 429, 5xx: try again later, after Sinch's Retry-After if it gave one. */
    record RetryLater(Optional<Duration> retryAfter, String reason) implements SubmissionOutcome {
        @Override
        public void recordWith(Recording recording) {
            recording.retryLater(retryAfter, reason);
        }
    }

    /** Any other answer, a 2xx without a batch id among them: FAILED_TO_SUBMIT, the answer kept. */
    record Failed(String reason) implements SubmissionOutcome {
        @Override
        public void recordWith(Recording recording) {
            recording.failed(reason);
        }
    }

    static SubmissionOutcome of(SinchAnswer answer) {
        if (answer.isSuccess() && answer.body().get("id") instanceof JsonString batchId) {
            return new Submitted(batchId.getString());
        }
        if (answer.isSuccess()) {
            // Kept for operators; its reports still find the messages by our client reference.
            return new Failed("Sinch answered " + answer.status() + " without a batch id: " + answer.body());
        }
        if (answer.status() == 400 || answer.status() == 403) {
            return new Rejected(
                    answer.body().getString("code", "HTTP " + answer.status()),
                    answer.body().getString("text", ""));
        }
        if (answer.status() == 429 || answer.status() >= 500) {
            return new RetryLater(answer.retryAfter(), "Sinch answered " + answer.status());
        }
        return new Failed("Sinch answered " + answer.status() + ": " + answer.body());
    }
}

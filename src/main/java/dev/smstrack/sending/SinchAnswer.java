package dev.smstrack.sending;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/** What Sinch answered: the status, the JSON body (empty object if none) and any Retry-After. */
public record SinchAnswer(int status, JsonObject body, Optional<Duration> retryAfter) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Sinch's error as it states it: its code and text, or the HTTP status where it gives none. */
    public String problem() {
        return body.getString("code", "HTTP " + status) + ": " + body.getString("text", "");
    }

    /** Worth trying again later: too many requests, Sinch's own failure. */
    public boolean isTransient() {
        return status == 429 || status >= 500;
    }
}

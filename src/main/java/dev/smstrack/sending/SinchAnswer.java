package dev.smstrack.sending;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/** What Sinch answered: the status, the JSON body (empty object if none) and any Retry-After. */
public record SinchAnswer(int status, JsonObject body, Optional<Duration> retryAfter) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}

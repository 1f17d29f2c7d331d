package dev.smstrack.platform.web;

import dev.smstrack.platform.TemporarilyUnavailableException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** 503 with Retry-After: Sinch retries 5xx, so a transient failure of ours loses nothing. */
@Provider
public class TemporarilyUnavailableMapper implements ExceptionMapper<TemporarilyUnavailableException> {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = Logger.getLogger(TemporarilyUnavailableMapper.class.getName());

    @Override
    public Response toResponse(TemporarilyUnavailableException failure) {
        LOG.log(Level.WARNING, "Answering 503: " + failure.getMessage(), failure.getCause());
        return retryLater(failure.getMessage());
    }

    /** 503 with Retry-After and the reason. */
    public static Response retryLater(String reason) {
        return Problem.answer(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "temporarily-unavailable",
                        "temporarily unavailable",
                        reason + "; retry later")
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}

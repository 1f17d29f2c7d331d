package dev.smstrack.platform;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("temporarily unavailable", reason + "; retry later"))
                .build();
    }
}

package dev.smstrack.platform.web;

import dev.smstrack.platform.TransientFailures;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers failures that no other mapper claims: the database's passing refusals (a deadlock, a lock
 * wait, a lost connection) with 503 and Retry-After, anything else with a bare 500 (both of which
 * Sinch retries), and logs them here instead of letting the server's error page show SQL or bind
 * values to the caller.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Exception failure) {
        if (TransientFailures.isTransient(failure)) {
            LOG.log(Level.WARNING, "Answering 503: the database refused for now", failure);
            return TemporarilyUnavailableMapper.retryLater("the database could not complete it now");
        }
        LOG.log(Level.SEVERE, "Request failed unexpectedly", failure);
        return Problem.answer(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "internal error",
                        "the request could not be completed; it can be retried")
                .build();
    }
}

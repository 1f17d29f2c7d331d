package dev.smstrack.sending;

import dev.smstrack.platform.web.TemporarilyUnavailableMapper;
import dev.smstrack.sending.api.SendingUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 with Retry-After: nothing was stored, and the caller may try again once Sinch is configured. */
@Provider
public class SendingUnavailableMapper implements ExceptionMapper<SendingUnavailableException> {

    @Override
    public Response toResponse(SendingUnavailableException failure) {
        return TemporarilyUnavailableMapper.retryLater(failure.getMessage());
    }
}

package dev.smstrack.sending;

import dev.smstrack.platform.web.Problem;
import dev.smstrack.sending.api.SendingLimitException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 429 with Retry-After: the caller's rate or quota is spent for now (the sending guard). */
@Provider
public class SendingLimitMapper implements ExceptionMapper<SendingLimitException> {

    @Override
    public Response toResponse(SendingLimitException limited) {
        return Problem.answer(
                        Response.Status.TOO_MANY_REQUESTS,
                        "sending-" + limited.limit(),
                        "sending " + limited.limit() + " spent",
                        limited.getMessage())
                .header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds())
                .build();
    }
}

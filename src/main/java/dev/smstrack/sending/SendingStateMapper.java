package dev.smstrack.sending;

import dev.smstrack.platform.web.Problem;
import dev.smstrack.sending.api.NotPossibleNowException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 409: what was asked does not fit where the request or message stands; the detail says why. */
@Provider
public class SendingStateMapper implements ExceptionMapper<NotPossibleNowException> {

    @Override
    public Response toResponse(NotPossibleNowException failure) {
        return Problem.answer(Response.Status.CONFLICT, "not-possible-now", "not possible now", failure.getMessage())
                .build();
    }
}

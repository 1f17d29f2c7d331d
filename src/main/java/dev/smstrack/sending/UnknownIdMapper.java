package dev.smstrack.sending;

import dev.smstrack.platform.web.Problem;
import dev.smstrack.sending.api.UnknownIdException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404: no such send request or message, or none of the caller's. */
@Provider
public class UnknownIdMapper implements ExceptionMapper<UnknownIdException> {

    @Override
    public Response toResponse(UnknownIdException unknown) {
        return Problem.answer(Response.Status.NOT_FOUND, "not-found", "not found", unknown.getMessage())
                .build();
    }
}

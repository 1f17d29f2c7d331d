package dev.smstrack.sending;

import dev.smstrack.platform.Problem;
import dev.smstrack.sending.api.ConflictingRequestException;
import dev.smstrack.sending.api.InvalidSendRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 naming the field of the send request that is wrong; 409 for a key used for another request. */
@Provider
public class InvalidSendRequestMapper implements ExceptionMapper<InvalidSendRequestException> {

    @Override
    public Response toResponse(InvalidSendRequestException invalid) {
        if (invalid instanceof ConflictingRequestException) {
            return Problem.answer(
                            Response.Status.CONFLICT,
                            "conflicting-send-request",
                            "conflicting send request",
                            invalid.getMessage())
                    .build();
        }
        return Problem.answer(
                        Response.Status.BAD_REQUEST,
                        "invalid-send-request",
                        "invalid send request",
                        invalid.getMessage())
                .build();
    }
}

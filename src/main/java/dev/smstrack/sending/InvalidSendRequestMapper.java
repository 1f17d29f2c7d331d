package dev.smstrack.sending;

import dev.smstrack.platform.ErrorBody;
import dev.smstrack.sending.api.ConflictingRequestException;
import dev.smstrack.sending.api.InvalidSendRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 naming the field of the send request that is wrong; 409 for a key used for another request. */
@Provider
public class InvalidSendRequestMapper implements ExceptionMapper<InvalidSendRequestException> {

    @Override
    public Response toResponse(InvalidSendRequestException invalid) {
        if (invalid instanceof ConflictingRequestException) {
            return Response.status(Response.Status.CONFLICT)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody("conflicting send request", invalid.getMessage()))
                    .build();
        }
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("invalid send request", invalid.getMessage()))
                .build();
    }
}

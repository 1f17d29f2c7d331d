package dev.smstrack.sending;

import dev.smstrack.platform.web.Problem;
import dev.smstrack.sending.api.ConflictingRequestException;
import dev.smstrack.sending.api.InvalidSendRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 naming the field of the send request that is wrong (in the detail, and as {@code field}); 409 for a key used for another request. */
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
        var problem = Problem.of(
                Response.Status.BAD_REQUEST, "invalid-send-request", "invalid send request", invalid.getMessage());
        return Response.status(Response.Status.BAD_REQUEST)
                .type(Problem.MEDIA_TYPE)
                .entity(new FieldProblem(
                        problem.type(),
                        problem.title(),
                        problem.status(),
                        problem.detail(),
                        problem.requestId(),
                        invalid.field()))
                .build();
    }

    /** A problem that also names the field to fix ({@code to}, {@code body}…), for a form to show it there. */
    public record FieldProblem(String type, String title, int status, String detail, String requestId, String field) {}
}

package dev.smstrack.platform.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Gives the HTTP errors that resources and the platform throw a problem body that says what was wrong. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response response = failure.getResponse();
        if (response.getEntity() instanceof Problem) {
            return response;
        }
        // From the exception's own answer: its headers (WWW-Authenticate, Allow) stay. A text the
        // platform put in the body (RESTEasy's "Access forbidden: role not allowed") is the detail.
        String detail = response.getEntity() instanceof String text ? text : failure.getMessage();
        return Response.fromResponse(response)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.ofStatus(response.getStatusInfo(), detail))
                .build();
    }
}

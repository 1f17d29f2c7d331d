package dev.smstrack.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Gives the HTTP errors that resources throw a JSON body that says what was wrong. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException failure) {
        Response response = failure.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        // From the exception's own answer: its headers (WWW-Authenticate, Allow) stay.
        String title = response.getStatusInfo().getReasonPhrase();
        return Response.fromResponse(response)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(
                        response.getStatusInfo(), title.toLowerCase().replace(' ', '-'), title, failure.getMessage()))
                .build();
    }
}

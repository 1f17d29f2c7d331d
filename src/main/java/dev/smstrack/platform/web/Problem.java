package dev.smstrack.platform.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The body of every error answer the product gives, as RFC 9457 describes it
 * ({@code application/problem+json}): a type that names the kind of problem, a title for it, the
 * status, what exactly was wrong, and the id of the request (its {@code X-Request-Id}) to quote.
 */
public record Problem(String type, String title, int status, String detail, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** Types are URNs: they name a kind of problem and point nowhere. */
    private static final String TYPE_PREFIX = "urn:sms-tracker:problem:";

    /** The answer for a problem of this kind ({@code malformed-callback}), titled and detailed. */
    public static Response.ResponseBuilder answer(
            Response.StatusType status, String kind, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(of(status, kind, title, detail));
    }

    /** A problem of the kind its status names ({@code not-found}, "Not Found"), with what was wrong. */
    public static Problem ofStatus(Response.StatusType status, String detail) {
        String title = status.getReasonPhrase();
        return of(status, title.toLowerCase().replace(' ', '-'), title, detail);
    }

    /** Writes the problem as the whole answer, where a servlet or filter answers before JAX-RS runs. */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(this));
    }

    /** The problem itself, for an answer built elsewhere (one that keeps its own headers). */
    public static Problem of(Response.StatusType status, String kind, String title, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status.getStatusCode(), detail, RequestIds.current());
    }
}

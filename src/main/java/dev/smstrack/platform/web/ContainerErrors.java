package dev.smstrack.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The error pages (web.xml) of the answers the container gives before the application runs: 401
 * without credentials, 403, 404 and 405 outside the API, 413 for a body over the listener's limit.
 * They get an {@code application/problem+json} body as every other error does; the headers the
 * container set (the Basic challenge) stay. Reached only by the container's error dispatch.
 */
@WebServlet(ContainerErrors.PATH + "*")
public class ContainerErrors extends HttpServlet {

    static final String PATH = "/container-errors/";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
                ? status
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Response.StatusType known = Response.Status.fromStatusCode(code);
        Problem.ofStatus(known != null ? known : Response.Status.INTERNAL_SERVER_ERROR, detailOf(code))
                .writeTo(response);
    }

    private static String detailOf(int code) {
        return switch (code) {
            case 401 -> "log in: Basic credentials of a user with one of the product's roles, or a bearer token";
            case 403 -> "the user has none of the roles this needs";
            case 404 -> "nothing here";
            case 405 -> "not a method this path takes";
            case 413 -> "the body is larger than the server takes";
            default -> "the server could not answer this request";
        };
    }
}

package dev.smstrack.platform.web;

import dev.smstrack.platform.Ids;
import dev.smstrack.platform.Tokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token, else a new
 * one. It is returned in the response's {@code X-Request-Id} and is in the logging context (MDC key
 * {@value #MDC_KEY}) of every line logged while the request runs, so that one grep finds them all.
 * Mapped in web.xml, first of the filters, for requests, their asynchronous dispatches and errors.
 */
public class RequestIds extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** The stored callback's id and Sinch's batch id, in the log context of every line about a callback. */
    public static final String CALLBACK_ID_KEY = "callbackId";

    public static final String BATCH_ID_KEY = "batchId";

    /** Short and plain (letters, digits and these), so that a caller cannot write into the log what is not an id. */
    private static final String ID_PUNCTUATION = "._:-";

    private static final int LONGEST_ID = 64;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // An error page the container dispatches to (a 401 before any filter ran, say) keeps the
        // request's id if it had one.
        String id = request.getAttribute(HEADER) instanceof String earlier ? earlier : idOf(request.getHeader(HEADER));
        request.setAttribute(HEADER, id);
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            clearLogContext();
        }
    }

    private static String idOf(String given) {
        return given != null && Tokens.isPlain(given, LONGEST_ID, ID_PUNCTUATION) ? given : Ids.newId();
    }

    /** Puts the id of this request in the log context of this thread, which serves it outside a dispatch. */
    public static void enterLogContext(HttpServletRequest request) {
        enterLogContext(request.getAttribute(HEADER) instanceof String id ? id : null);
    }

    /** Puts this request id, if there is one, in the log context of this thread (a consumer's, a writer's). */
    public static void enterLogContext(String requestId) {
        if (requestId != null) {
            MDC.put(MDC_KEY, requestId);
        }
    }

    /** Takes the request id, and the callback's ids, out of this thread's log context. */
    public static void clearLogContext() {
        MDC.remove(MDC_KEY);
        MDC.remove(CALLBACK_ID_KEY);
        MDC.remove(BATCH_ID_KEY);
    }

    /** The id of the request this thread serves, or null outside any request. */
    public static String currentIfAny() {
        return MDC.get(MDC_KEY) instanceof String id ? id : null;
    }

    /** The id of the request this thread serves, or a new one outside any request. */
    public static String current() {
        String id = currentIfAny();
        return id != null ? id : Ids.newId();
    }
}

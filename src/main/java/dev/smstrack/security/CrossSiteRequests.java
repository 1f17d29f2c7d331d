package dev.smstrack.security;

import dev.smstrack.platform.web.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Refuses a change asked for by another site's page. A browser that has logged in to the dashboard
 * sends its Basic credentials with every request to this server, whichever page makes it: without
 * this, a form on any site could replay the dead letters in an operator's name. Browsers say where
 * a request comes from ({@code Sec-Fetch-Site}, else {@code Origin}); programs (curl, Sinch, other
 * applications) say nothing, and pass. Reads are not guarded: another site cannot read the answer.
 */
public class CrossSiteRequests extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** The callbacks come from Sinch's servers, which are no browser; the simulator needs its token. */
    private static final Set<String> OPEN_PATHS = Set.of("/api/sinch/callbacks");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String from = crossSiteOrigin(request);
        if (from == null
                || SAFE_METHODS.contains(request.getMethod())
                || OPEN_PATHS.contains(request.getServletPath() + request.getPathInfo())) {
            chain.doFilter(request, response);
            return;
        }
        Problem.of(
                        Response.Status.FORBIDDEN,
                        "cross-site-request",
                        "cross-site request",
                        "a page of " + from + " may not change anything here; use the dashboard of this server")
                .writeTo(response);
    }

    /** Where a browser's request comes from when that is not this server; null for this server or a program. */
    static String crossSiteOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none") ? null : origin != null ? origin : site;
        }
        if (origin == null) {
            return null;
        }
        String host = request.getHeader("Host");
        try {
            URI from = URI.create(origin);
            if (from.getHost() == null) {
                return origin;
            }
            String authority = from.getPort() < 0 ? from.getHost() : from.getHost() + ":" + from.getPort();
            return authority.equalsIgnoreCase(host) ? null : origin;
        } catch (IllegalArgumentException unreadable) {
            return origin; // "null" (a sandboxed page) or anything else that is no origin of ours
        }
    }
}

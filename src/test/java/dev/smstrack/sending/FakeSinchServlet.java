package dev.smstrack.sending;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Sinch that answers what a test tells it to: its OAuth token endpoint gives out numbered tokens
 * (with or without {@code expires_in}), and its batch endpoint accepts only the tokens the test names.
 * It runs in the test deployment only, so that the real HTTP client goes over a real socket.
 */
@WebServlet("/fake-sinch/*")
public class FakeSinchServlet extends HttpServlet {

    static volatile boolean tokensExpire = true;
    static volatile List<String> acceptedTokens = List.of();
    static final AtomicInteger tokensIssued = new AtomicInteger();
    static final List<String> batchAuthorizations = new CopyOnWriteArrayList<>();

    /** In scripted mode (after {@link #script}): every call to the SMS API, as "METHOD path?query body". */
    static final List<String> calls = new CopyOnWriteArrayList<>();

    static volatile Integer scriptedStatus;
    static volatile String scriptedBody;

    /** Answers every call to the SMS API with this status and body, and records it. */
    static void script(int status, String body) {
        scriptedStatus = status;
        scriptedBody = body;
        calls.clear();
    }

    static void reset(boolean expiringTokens, List<String> accepted) {
        scriptedStatus = null;
        tokensExpire = expiringTokens;
        acceptedTokens = accepted;
        tokensIssued.set(0);
        batchAuthorizations.clear();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        if (request.getPathInfo().equals("/oauth2/token")) {
            String token = "token-" + tokensIssued.incrementAndGet();
            response.getWriter()
                    .write("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\""
                            + (tokensExpire ? ",\"expires_in\":3599" : "") + "}");
            return;
        }
        if (scriptedStatus != null) {
            answerScripted(request, response);
            return;
        }
        String authorization = request.getHeader("Authorization");
        batchAuthorizations.add(authorization);
        if (acceptedTokens.stream().anyMatch(token -> ("Bearer " + token).equals(authorization))) {
            response.setStatus(201);
            response.getWriter().write("{\"id\":\"01FAKEBATCH\"}");
        } else {
            response.setStatus(401);
            response.getWriter().write("{\"code\":\"unauthorized\",\"text\":\"token not valid\"}");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answerScripted(request, response);
    }

    private static void answerScripted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        String body = new String(request.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        calls.add((request.getMethod() + " " + request.getPathInfo() + query + " " + body).strip());
        response.setContentType("application/json");
        response.setStatus(scriptedStatus == null ? 500 : scriptedStatus);
        response.getWriter().write(scriptedBody == null ? "" : scriptedBody);
    }
}

package dev.smstrack.webhooks;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhooks of Sinch's Conversation API as its reference describes them: list an app's, create
 * one (at most 5 per app, a target of at most 742 characters, never a conversation-api host),
 * change one (the fields an update mask names). Basic key:secret only. In the test deployment only.
 */
@WebServlet("/fake-conversation/*")
public class FakeConversationApi extends HttpServlet {

    static final String PROJECT = "project-1";
    static final String CREDENTIALS = "key-1:key-secret-1";
    static final Map<String, JsonObject> WEBHOOKS = new ConcurrentHashMap<>();
    /** Method and path of every authorized call, in order. */
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    private static final Pattern LIST = Pattern.compile("/v1/projects/([^/]+)/apps/([^/]+)/webhooks");
    private static final Pattern CREATE = Pattern.compile("/v1/projects/([^/]+)/webhooks");
    private static final Pattern UPDATE = Pattern.compile("/v1/projects/([^/]+)/webhooks/([^/]+)");

    static void reset() {
        WEBHOOKS.clear();
        CALLS.clear();
    }

    static JsonObject add(String appId, String target, String secret, List<String> triggers) {
        JsonObject webhook = Json.createObjectBuilder()
                .add("id", UUID.randomUUID().toString())
                .add("app_id", appId)
                .add("target", target)
                .add("target_type", "HTTP")
                .add("secret", secret)
                .add("triggers", Json.createArrayBuilder(triggers))
                .build();
        WEBHOOKS.put(webhook.getString("id"), webhook);
        return webhook;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        String expected = "Basic " + Base64.getEncoder().encodeToString(CREDENTIALS.getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(request.getHeader("Authorization"))) {
            answer(response, 401, error(401, "Invalid credentials", "UNAUTHENTICATED"));
            return;
        }
        String path = request.getPathInfo();
        CALLS.add(request.getMethod() + " " + path);
        Matcher list = LIST.matcher(path);
        Matcher create = CREATE.matcher(path);
        Matcher update = UPDATE.matcher(path);
        if (request.getMethod().equals("GET") && list.matches() && list.group(1).equals(PROJECT)) {
            var webhooks = Json.createArrayBuilder();
            WEBHOOKS.values().stream()
                    .filter(webhook -> webhook.getString("app_id").equals(list.group(2)))
                    .forEach(webhooks::add);
            answer(
                    response,
                    200,
                    Json.createObjectBuilder().add("webhooks", webhooks).build());
        } else if (request.getMethod().equals("POST")
                && create.matches()
                && create.group(1).equals(PROJECT)) {
            JsonObject body = Json.createReader(request.getInputStream()).readObject();
            String refused = refusal(body);
            if (refused != null) {
                answer(response, 400, error(400, refused, "INVALID_ARGUMENT"));
                return;
            }
            answer(
                    response,
                    200,
                    add(
                            body.getString("app_id"),
                            body.getString("target"),
                            body.getString("secret"),
                            body.getJsonArray("triggers").getValuesAs(jakarta.json.JsonString.class).stream()
                                    .map(jakarta.json.JsonString::getString)
                                    .toList()));
        } else if (request.getMethod().equals("PATCH") && update.matches() && WEBHOOKS.containsKey(update.group(2))) {
            JsonObject body = Json.createReader(request.getInputStream()).readObject();
            JsonObjectBuilder changed = Json.createObjectBuilder(WEBHOOKS.get(update.group(2)));
            for (String field : request.getParameterValues("update_mask.paths")) {
                changed.add(field, body.get(field));
            }
            JsonObject webhook = changed.build();
            WEBHOOKS.put(webhook.getString("id"), webhook);
            answer(response, 200, webhook);
        } else {
            answer(response, 404, error(404, "no such resource: " + path, "NOT_FOUND"));
        }
    }

    private static String refusal(JsonObject body) {
        String target = body.getString("target", "");
        if (target.isEmpty() || target.length() > 742) {
            return "target must be 1 to 742 characters";
        }
        if (URI.create(target).getHost().matches("conversation-api\\..*\\.sinch\\.com")) {
            return "target may not be a Conversation API host";
        }
        long ofApp = WEBHOOKS.values().stream()
                .filter(webhook -> webhook.getString("app_id").equals(body.getString("app_id", "")))
                .count();
        return ofApp >= 5 ? "an app has at most 5 webhooks" : null;
    }

    private static JsonObject error(int code, String message, String status) {
        return Json.createObjectBuilder()
                .add(
                        "error",
                        Json.createObjectBuilder()
                                .add("code", code)
                                .add("message", message)
                                .add("status", status))
                .build();
    }

    private static void answer(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.getWriter().write(body.toString());
    }
}

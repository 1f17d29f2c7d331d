package dev.smstrack.sending;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Batch parameters as JSON, Sinch's shape: {@code {"name": {"+46…": "value", "default": "…"}}}. */
final class ParameterJson {

    private ParameterJson() {}

    static JsonObject json(Map<String, Map<String, String>> parameters) {
        var all = Json.createObjectBuilder();
        parameters.forEach((name, values) -> {
            var byRecipient = Json.createObjectBuilder();
            values.forEach(byRecipient::add);
            all.add(name, byRecipient);
        });
        return all.build();
    }

    static String write(Map<String, Map<String, String>> parameters) {
        return json(parameters).toString();
    }

    /** The same in one order, whatever order the caller gave: for comparing two requests. */
    static String canonical(Map<String, Map<String, String>> parameters) {
        var sorted = new TreeMap<String, Map<String, String>>();
        parameters.forEach((name, values) -> sorted.put(name, new TreeMap<>(values)));
        return write(sorted);
    }

    static Map<String, Map<String, String>> read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
            reader.readObject().forEach((name, values) -> {
                Map<String, String> byRecipient = new LinkedHashMap<>();
                values.asJsonObject().forEach((key, value) -> byRecipient.put(key, ((JsonString) value).getString()));
                parameters.put(name, byRecipient);
            });
            return parameters;
        }
    }
}

package dev.smstrack.callbacks.payload;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Finds the field whose JSON number the parser cannot represent (an exponent beyond what a
 * BigDecimal holds, say), so that the 400 names it. Walks the body again, only after reading it
 * failed that way.
 */
final class UnreadableNumbers {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private UnreadableNumbers() {}

    /** The path of the first such number, e.g. {@code statuses[1].count}; "a number" if none is found. */
    static String pathIn(byte[] rawBody) {
        Deque<Position> path = new ArrayDeque<>();
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(rawBody))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> path.peek().name = parser.getString();
                    case START_OBJECT, START_ARRAY -> {
                        advance(path);
                        path.push(new Position(event == JsonParser.Event.START_ARRAY));
                    }
                    case END_OBJECT, END_ARRAY -> path.pop();
                    case VALUE_NUMBER -> {
                        advance(path);
                        try {
                            parser.getBigDecimal();
                        } catch (NumberFormatException | ArithmeticException e) {
                            String where = describe(path);
                            return where.isEmpty() ? "a number" : "field " + where;
                        }
                    }
                    default -> advance(path);
                }
            }
        } catch (RuntimeException e) {
            // The body fails in some other way as well; the first reading's message stands.
        }
        return "a number";
    }

    private static void advance(Deque<Position> path) {
        Position current = path.peek();
        if (current != null && current.array) {
            current.index++;
        }
    }

    private static String describe(Deque<Position> path) {
        var text = new StringBuilder();
        path.descendingIterator().forEachRemaining(position -> {
            if (position.array) {
                text.append('[').append(position.index).append(']');
            } else if (position.name != null) {
                text.append(text.length() == 0 ? "" : ".").append(position.name);
            }
        });
        return text.toString();
    }

    /** Where the walk is inside one object (the last key) or one array (the last index). */
    private static final class Position {
        final boolean array;
        String name;
        int index = -1;

        Position(boolean array) {
            this.array = array;
        }
    }
}

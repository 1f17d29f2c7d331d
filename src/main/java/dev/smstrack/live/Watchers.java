package dev.smstrack.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboards connected to this node, each an open event stream; a closed one drops out at the
 * next write. Nothing closes them at undeploy: RESTEasy's close waits, without a bound, on a stream
 * whose browser has gone (measured: an undeploy stuck for minutes); the browser reconnects instead.
 */
@ApplicationScoped
public class Watchers {

    /** The event's name: its data is a JSON list of {@link MessageChange}s. */
    static final String EVENT = "changes";

    /** The heartbeat's name: the browser ignores comments, so a beat must be an event to be heard. */
    static final String BEAT = "beat";

    private Sse sse;
    private SseBroadcaster broadcaster;
    /** Each open stream, and whose it is. */
    private final Map<SseEventSink, String> open = new HashMap<>();

    /**
     * Opens the stream to {@code user}, unless they already have {@code most} open on this node:
     * then false, and nothing is opened (a page left open in many tabs, or a script, cannot hold
     * the server's connections).
     */
    synchronized boolean add(SseEventSink sink, Sse sse, String user, int most) {
        open.keySet().removeIf(SseEventSink::isClosed);
        if (open.values().stream().filter(user::equals).count() >= most) {
            return false;
        }
        if (broadcaster == null) {
            this.sse = sse;
            this.broadcaster = sse.newBroadcaster();
        }
        broadcaster.register(sink);
        open.put(sink, user);
        // The first event opens the stream at once: the browser knows it is connected.
        sink.send(sse.newEventBuilder().comment("watching").build());
        return true;
    }

    void tell(String changes) {
        broadcast(sse -> sse.newEventBuilder()
                .name(EVENT)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, changes)
                .build());
    }

    /**
     * A {@code beat} event (the time) to every stream: a write to a browser that has gone fails and drops its stream, and a
     * browser that hears nothing for a while knows its stream is dead (after a redeploy) and reconnects.
     */
    void beat() {
        broadcast(sse -> sse.newEventBuilder()
                .name(BEAT)
                .data(String.class, Instant.now().toString())
                .build());
    }

    /** A dashboard is still connected here (a stream whose browser has gone is closed at its next write). */
    synchronized boolean any() {
        open.keySet().removeIf(SseEventSink::isClosed);
        return !open.isEmpty();
    }

    private void broadcast(Function<Sse, OutboundSseEvent> event) {
        OutboundSseEvent built;
        SseBroadcaster to;
        synchronized (this) {
            if (broadcaster == null) {
                return; // nobody has watched on this node yet
            }
            built = event.apply(sse);
            to = broadcaster;
        }
        to.broadcast(built);
    }
}

package dev.smstrack.callbacks.payload;

/** A callback of a type this product does not apply (yet): acknowledged and kept as it came. */
public record UnhandledCallback(String type, String dedupKey) implements Callback {

    @Override
    public boolean isApplied() {
        return false;
    }
}

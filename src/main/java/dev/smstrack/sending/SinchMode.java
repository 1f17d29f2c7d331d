package dev.smstrack.sending;

/** Where sends go; decided once, from the configuration, at start. */
public enum SinchMode {
    /** Sinch's SMS REST API with a service plan id and its API token. */
    SERVICE_PLAN,
    /** Sinch's SMS REST API with a project key (OAuth2). */
    PROJECT_KEY,
    /** The built-in simulator, switched on explicitly with SINCH_SIMULATOR=true: no SMS is sent. */
    SIMULATOR,
    /** Neither: sending answers 503 and stores nothing. */
    NOT_CONFIGURED
}

package dev.smstrack.processing;

import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.platform.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The consumer's sessions apply the callbacks they take off the queue at about the same time
 * together, in one database transaction ({@link GroupCommit}); each session returns only once its
 * callback is committed, so that the broker's acknowledgement still follows the database. Only a
 * callback that fails on its own fails its session, to be redelivered.
 */
@ApplicationScoped
public class CallbackBatches {

    /** Transactions at once: enough to keep the database busy, few enough for long lists. */
    private static final int WRITERS = 4;

    private static final int MOST_PER_TRANSACTION = 64;

    @Inject
    Callbacks callbacks;

    private GroupCommit<QueuedCallback> commits;

    @PostConstruct
    void start() {
        commits = new GroupCommit<>("callbacks", callbacks::apply, WRITERS, MOST_PER_TRANSACTION);
    }

    /** Applies the callback, with others that arrive meanwhile; returns once it is committed. */
    public void apply(QueuedCallback callback) {
        commits.commit(callback);
    }
}

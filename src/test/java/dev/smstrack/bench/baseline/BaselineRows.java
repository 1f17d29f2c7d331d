package dev.smstrack.bench.baseline;

import dev.smstrack.callbacks.QueuedCallback;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Stores a list of callbacks in one transaction, one row each, through the product's JPA setup. */
@Stateless
@PermitAll
public class BaselineRows {

    @PersistenceContext
    EntityManager em;

    public void store(List<QueuedCallback> callbacks) {
        for (QueuedCallback callback : callbacks) {
            em.persist(new BaselineRow(
                    callback.id(),
                    callback.receivedAt().toEpochMilli(),
                    new String(callback.rawBody(), StandardCharsets.UTF_8)));
        }
    }
}

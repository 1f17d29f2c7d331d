package dev.smstrack.inbound;

import dev.smstrack.platform.persistence.Filters;
import dev.smstrack.platform.web.Page;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Stores and finds inbound messages. */
@Stateless
@PermitAll
public class InboundMessages {

    @PersistenceContext
    EntityManager em;

    public void record(InboundMessage message) {
        em.persist(message);
    }

    public Page<InboundMessage> find(String sender, String recipient, int page, int size) {
        return new Filters("InboundMessage")
                .equal("sender", sender)
                .equal("recipient", recipient)
                .page(em, InboundMessage.class, "e.receivedAt DESC, e.id", page, size);
    }
}

package dev.smstrack.sending;

import dev.smstrack.messages.Message;
import dev.smstrack.messages.Messages;
import dev.smstrack.messages.SmsEncoding;
import dev.smstrack.sending.SendValidation.ValidRequest;
import dev.smstrack.sending.api.ConflictingRequestException;
import dev.smstrack.sending.api.SendResult;
import dev.smstrack.sending.api.SentMessage;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores send requests with their messages, and reads back what became of them. */
@Stateless
@PermitAll
public class Submissions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Messages messages;

    @Inject
    SubmissionQueue queue;

    /**
     * Stores the request and its messages as PENDING and queues its first attempt, all in one new
     * transaction: a concurrent request with the same idempotency key fails here, on the unique key.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SendResult create(ValidRequest request, IdempotencyKey key, String caller) {
        var submission = new Submission(
                key,
                caller,
                request.from(),
                request.deliveryReport(),
                request.body(),
                SmsEncoding.of(request.body()),
                request.options());
        em.persist(submission);
        em.flush();
        for (String recipient : request.to()) {
            // Each recipient's own text: parameters make their lengths, and so their costs, differ.
            var encoding = SmsEncoding.of(request.bodyFor(recipient));
            messages.store(new Message(recipient, submission.id(), encoding.name(), encoding.parts()));
        }
        queue.schedule(submission.id(), 1, Duration.ZERO);
        return resultOf(submission);
    }

    /**
     * The result of the request sent before under this key, if any; a conflict if that was another
     * request than this one.
     */
    public Optional<SendResult> forKey(IdempotencyKey key) throws ConflictingRequestException {
        var earlier = em
                .createQuery("SELECT s FROM Submission s WHERE s.idempotencyKey = :key", Submission.class)
                .setParameter("key", key.scoped())
                .getResultList()
                .stream()
                .findFirst();
        if (earlier.isPresent() && !earlier.get().isFor(key)) {
            throw new ConflictingRequestException(earlier.get().id());
        }
        return earlier.map(this::resultOf);
    }

    public Optional<SendResult> find(String id) {
        return Optional.ofNullable(em.find(Submission.class, id)).map(this::resultOf);
    }

    /** Requests still PENDING long after their attempts should have ended: their queue entry was lost. */
    public List<Submission> stalled(Instant createdBefore, int limit) {
        return em.createQuery(
                        "SELECT s FROM Submission s WHERE s.status = :pending AND s.createdAt < :before"
                                + " ORDER BY s.createdAt",
                        Submission.class)
                .setParameter("pending", Submission.PENDING)
                .setParameter("before", createdBefore)
                .setMaxResults(limit)
                .getResultList();
    }

    private SendResult resultOf(Submission submission) {
        List<SentMessage> sent = messages.withClientReference(submission.id()).stream()
                .map(message -> new SentMessage(
                        message.id(), message.recipient(), message.status(), message.encoding(), message.parts()))
                .toList();
        return new SendResult(
                submission.id(),
                submission.status(),
                submission.batchId(),
                submission.error(),
                submission.attempts(),
                sent,
                submission.sendAt());
    }
}

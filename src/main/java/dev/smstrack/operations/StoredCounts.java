package dev.smstrack.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gauges of what the database holds: messages by current status, and reports still parked (about
 * no known message). Counted every 30 s rather than at each scrape, so that scrapes cost the
 * database nothing; the figures are the whole cluster's, the same on every node (take their max,
 * not their sum).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class StoredCounts {

    private static final Logger LOG = Logger.getLogger(StoredCounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Meters meters;

    private final AtomicLong parked = new AtomicLong();
    private Gauge parkedGauge;
    private MultiGauge messagesByStatus;

    @PostConstruct
    void register() {
        MeterRegistry registry = meters.registry();
        parkedGauge = Gauge.builder("sms_tracker.reports.parked", parked, AtomicLong::get)
                .description("Delivery reports about no message known yet, as last counted")
                .register(registry);
        messagesByStatus = MultiGauge.builder("sms_tracker.messages")
                .description("Messages by current status, as last counted")
                .register(registry);
    }

    /**
     * The registry outlives a deployment: a gauge left in it would keep reading this instance's
     * figures after a redeployment, and the new instance's would never be registered.
     */
    @PreDestroy
    void unregister() {
        meters.registry().remove(parkedGauge);
        messagesByStatus.register(List.of(), true);
    }

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    public void count() {
        try {
            parked.set(em.createQuery("SELECT COUNT(e) FROM StatusEvent e WHERE e.messageId IS NULL", Long.class)
                    .getSingleResult());
            List<Object[]> byStatus = em.createQuery(
                            "SELECT m.status, COUNT(m) FROM Message m GROUP BY m.status", Object[].class)
                    .getResultList();
            messagesByStatus.register(
                    byStatus.stream()
                            .map(row -> MultiGauge.Row.of(Tags.of("status", String.valueOf(row[0])), (Number) row[1]))
                            .toList(),
                    true);
        } catch (PersistenceException e) {
            // The database is away: the gauges keep their last figures; readiness says why.
            LOG.log(Level.FINE, "Cannot count stored messages now", e);
        }
    }
}

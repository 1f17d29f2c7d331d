package dev.smstrack.testing;

import dev.smstrack.callbacks.QueuedCallback;
import dev.smstrack.callbacks.authentication.TestAuthentication;
import dev.smstrack.inbound.InboundMessages;
import dev.smstrack.messages.Messages;
import dev.smstrack.processing.Callbacks;
import dev.smstrack.processing.DeliveryReports;
import dev.smstrack.processing.ReceivedCallbacks;
import dev.smstrack.statusevents.StatusEvents;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The consumer's own beans outside the server, wired by hand, storing through the product's
 * persistence unit (EclipseLink) into an in-memory H2 database migrated by the product's scripts:
 * every column length, NOT NULL and key of the real schema applies. For fuzzing what the consumer
 * makes of what intake accepts, at thousands of inputs a second.
 */
public final class StandaloneConsumer implements AutoCloseable {

    private final EntityManagerFactory factory;

    public StandaloneConsumer() {
        var database = new JdbcDataSource();
        database.setURL(
                "jdbc:h2:mem:consumer-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        factory = Persistence.createEntityManagerFactory(
                "sms-tracker",
                Map.of(
                        "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                        "jakarta.persistence.jtaDataSource", "",
                        "jakarta.persistence.nonJtaDataSource", database,
                        "eclipselink.target-server", "None",
                        "eclipselink.weaving", "false",
                        "eclipselink.logging.level", "OFF"));
    }

    /**
     * Applies the callback as the consumer does and flushes it to the database, then rolls back,
     * so that every input meets the same empty tables. Returns how many callbacks were kept: 1, or
     * 0 for a replay. Throws whatever the consumer or the database throws.
     */
    public long store(QueuedCallback callback) {
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        try {
            callbacksOn(em).apply(List.of(callback));
            em.flush();
            return em.createQuery("SELECT COUNT(c) FROM ReceivedCallback c", Long.class)
                    .getSingleResult();
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    private static Callbacks callbacksOn(EntityManager em) {
        List<Object> beans = List.of(
                new Callbacks(),
                new ReceivedCallbacks(),
                new DeliveryReports(),
                new InboundMessages(),
                new Messages(),
                new StatusEvents(),
                TestAuthentication.withBasicOnly(),
                em);
        beans.forEach(bean -> inject(bean, beans));
        return (Callbacks) beans.get(0);
    }

    /** Sets each injected field of the bean, as the container would, to the one given object of its type. */
    private static void inject(Object bean, List<Object> beans) {
        for (Field field : bean.getClass().getDeclaredFields()) {
            if (!field.isAnnotationPresent(Inject.class) && !field.isAnnotationPresent(PersistenceContext.class)) {
                continue;
            }
            beans.stream()
                    .filter(candidate -> candidate != bean && field.getType().isInstance(candidate))
                    .findFirst()
                    .ifPresent(dependency -> {
                        try {
                            field.setAccessible(true);
                            field.set(bean, dependency);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
    }

    @Override
    public void close() {
        factory.close();
    }
}

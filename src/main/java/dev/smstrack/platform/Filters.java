package dev.smstrack.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Equality (and membership) filters over one entity, for list queries whose filters are all
 * optional: only the given ones become conditions, so no query compares a parameter with NULL.
 */
public final class Filters {

    private final String entity;
    private final Map<String, Object> equalities = new LinkedHashMap<>();
    private final Map<String, Collection<?>> memberships = new LinkedHashMap<>();
    private final Map<String, Object> lowerBounds = new LinkedHashMap<>();
    private final Map<String, Object> upperBounds = new LinkedHashMap<>();

    public Filters(String entity) {
        this.entity = entity;
    }

    /** Adds {@code e.field = value} unless the value is null. */
    public Filters equal(String field, Object value) {
        if (value != null) {
            equalities.put(field, value);
        }
        return this;
    }

    /** Adds {@code e.field IN values} unless the values are null. */
    public Filters in(String field, Collection<?> values) {
        if (values != null) {
            memberships.put(field, values);
        }
        return this;
    }

    /** Adds {@code e.field >= value} unless the value is null. */
    public Filters atLeast(String field, Object value) {
        if (value != null) {
            lowerBounds.put(field, value);
        }
        return this;
    }

    /** Adds {@code e.field < value} unless the value is null. */
    public Filters below(String field, Object value) {
        if (value != null) {
            upperBounds.put(field, value);
        }
        return this;
    }

    public <T> Page<T> page(EntityManager em, Class<T> type, String orderBy, int page, int size) {
        TypedQuery<T> items = bind(em.createQuery("SELECT e" + from() + " ORDER BY " + orderBy, type));
        TypedQuery<Long> count = bind(em.createQuery("SELECT COUNT(e)" + from(), Long.class));
        return new Page<>(
                items.setFirstResult(page * size).setMaxResults(size).getResultList(),
                page,
                size,
                count.getSingleResult());
    }

    private String from() {
        var jpql = new StringBuilder(" FROM ").append(entity).append(" e");
        String joiner = " WHERE ";
        for (String field : equalities.keySet()) {
            jpql.append(joiner).append("e.").append(field).append(" = :").append(field);
            joiner = " AND ";
        }
        for (String field : memberships.keySet()) {
            jpql.append(joiner).append("e.").append(field).append(" IN :").append(field);
            joiner = " AND ";
        }
        for (String field : lowerBounds.keySet()) {
            jpql.append(joiner)
                    .append("e.")
                    .append(field)
                    .append(" >= :")
                    .append(field)
                    .append("From");
            joiner = " AND ";
        }
        for (String field : upperBounds.keySet()) {
            jpql.append(joiner)
                    .append("e.")
                    .append(field)
                    .append(" < :")
                    .append(field)
                    .append("To");
            joiner = " AND ";
        }
        return jpql.toString();
    }

    private <Q extends TypedQuery<?>> Q bind(Q query) {
        equalities.forEach(query::setParameter);
        memberships.forEach(query::setParameter);
        lowerBounds.forEach((field, value) -> query.setParameter(field + "From", value));
        upperBounds.forEach((field, value) -> query.setParameter(field + "To", value));
        return query;
    }
}

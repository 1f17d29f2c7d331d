package dev.smstrack.platform.persistence;

import dev.smstrack.platform.web.Page;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Optional filters over one entity (equal, one of, none of, at least, below), for list queries whose
 * filters are all optional: only the given ones become conditions, so no query compares a
 * parameter with NULL.
 */
public final class Filters {

    /** One condition: {@code e.field <operator> :parameter}. */
    private record Condition(String field, String operator, String parameter, Object value) {}

    private final String entity;
    private final List<Condition> conditions = new ArrayList<>();

    public Filters(String entity) {
        this.entity = entity;
    }

    /** Adds {@code e.field = value} unless the value is null. */
    public Filters equal(String field, Object value) {
        return add(field, "=", "", value);
    }

    /** Adds {@code e.field IN values} unless the values are null. */
    public Filters in(String field, Collection<?> values) {
        return add(field, "IN", "", values);
    }

    /** Adds {@code e.field NOT IN values} unless the values are null. */
    public Filters notIn(String field, Collection<?> values) {
        return add(field, "NOT IN", "Excluded", values);
    }

    /** Adds {@code e.field >= value} unless the value is null. */
    public Filters atLeast(String field, Object value) {
        return add(field, ">=", "From", value);
    }

    /** Adds {@code e.field < value} unless the value is null. */
    public Filters below(String field, Object value) {
        return add(field, "<", "To", value);
    }

    private Filters add(String field, String operator, String suffix, Object value) {
        if (value != null) {
            conditions.add(new Condition(field, operator, field + suffix, value));
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
        for (Condition condition : conditions) {
            jpql.append(joiner)
                    .append("e.")
                    .append(condition.field())
                    .append(' ')
                    .append(condition.operator())
                    .append(" :")
                    .append(condition.parameter());
            joiner = " AND ";
        }
        return jpql.toString();
    }

    private <Q extends TypedQuery<?>> Q bind(Q query) {
        conditions.forEach(condition -> query.setParameter(condition.parameter(), condition.value()));
        return query;
    }
}

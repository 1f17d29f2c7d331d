package dev.smstrack.platform.persistence;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Finds rows by two columns together, for a set of wanted pairs: {@code (a = ? AND b = ?) OR …},
 * which the database answers from exactly those entries of the two columns' index, in queries of
 * at most {@value #MOST_PER_QUERY} pairs. {@code a IN (…) AND b IN (…)} over a consumer list's keys
 * made MariaDB scan, and under a lock lock, the whole table (measured on 35,000 messages: 35,000
 * rows read and 50–640 ms for 200 wanted, against 200 rows and 5 ms this way): its ranges, the
 * product of the two lists, were too many to be estimated one by one.
 *
 * @param <T> a wanted pair
 */
public final class PairLookup<T> {

    /**
     * Pairs per query. Below MySQL's and MariaDB's {@code eq_range_index_dive_limit} (200 by
     * default): from 200 ranges on, they estimate the rows from the index's statistics instead of
     * reading them, and on a table whose statistics are stale the estimate chose the full scan again
     * (measured: 199 pairs read 199 rows, 200 read all 35,000).
     */
    static final int MOST_PER_QUERY = 100;

    private final Function<T, String> first;
    private final Function<T, String> second;

    public PairLookup(Function<T, String> first, Function<T, String> second) {
        this.first = first;
        this.second = second;
    }

    /**
     * The rows for all the pairs, one query per chunk: {@code create} makes each from the condition
     * on {@code firstField} and {@code secondField} (adding what else it needs, a lock, more
     * conditions), and the chunk's pairs are bound to it.
     */
    public <E> List<E> resultList(
            Collection<T> pairs, String firstField, String secondField, Function<String, TypedQuery<E>> create) {
        List<E> rows = new ArrayList<>();
        for (List<T> chunk : chunks(pairs)) {
            rows.addAll(bind(create.apply(condition(firstField, secondField, chunk.size())), chunk)
                    .getResultList());
        }
        return rows;
    }

    /**
     * The pairs sorted (so that concurrent transactions lock rows in the same order) and cut into
     * queries' worth; pairs with a null half are left out, as no row equals null.
     */
    List<List<T>> chunks(Collection<T> pairs) {
        List<T> sorted = pairs.stream()
                .filter(pair -> first.apply(pair) != null && second.apply(pair) != null)
                .sorted(Comparator.comparing(first).thenComparing(second))
                .toList();
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += MOST_PER_QUERY) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + MOST_PER_QUERY)));
        }
        return chunks;
    }

    /** {@code ((firstField = :p0a AND secondField = :p0b) OR …)} for a chunk of {@code count} pairs. */
    static String condition(String firstField, String secondField, int count) {
        StringBuilder condition = new StringBuilder("(");
        for (int i = 0; i < count; i++) {
            condition.append(i == 0 ? "" : " OR ");
            condition.append('(').append(firstField).append(" = :p").append(i).append("a AND ");
            condition.append(secondField).append(" = :p").append(i).append("b)");
        }
        return condition.append(')').toString();
    }

    /** Binds the chunk's pairs to the query made with {@link #condition}. */
    private <Q extends Query> Q bind(Q query, List<T> chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            query.setParameter("p" + i + "a", first.apply(chunk.get(i)));
            query.setParameter("p" + i + "b", second.apply(chunk.get(i)));
        }
        return query;
    }
}

package dev.smstrack.platform.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * The page a list request asks for ({@code @BeanParam}): {@code page} from 0, {@code size} from 1 to
 * {@value Page#MAX_SIZE} (default 100), and no page past the first {@value #MAX_DEPTH} items: the
 * database reads and throws away every row before the page, so a deep page costs what reading the
 * whole list would. Deeper is a 400 that names {@code page} and says to narrow the list by its
 * filters instead. A wrong one is a 400 that names it, whatever the text.
 */
public class Paging {

    static final int DEFAULT_SIZE = 100;
    public static final int MAX_DEPTH = 10_000;

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    public int page() {
        int size = size();
        int deepest = MAX_DEPTH / size - 1;
        int asked = QueryParameters.number("page", page, 0, 0, Integer.MAX_VALUE / size - 1);
        if (asked > deepest) {
            throw new BadRequestException("query parameter page must be from 0 to " + deepest + " at size " + size
                    + ": a list is read " + MAX_DEPTH + " items deep at most; narrow it by its filters"
                    + " (a time range, a status, a batch) to reach the items further down");
        }
        return asked;
    }

    public int size() {
        return QueryParameters.number("size", size, DEFAULT_SIZE, 1, Page.MAX_SIZE);
    }

    /** The page of these items, out of the total. */
    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, page(), size(), total);
    }
}

package dev.smstrack.platform.web;

import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * The page a list request asks for ({@code @BeanParam}): {@code page} from 0, {@code size} from 1 to
 * {@value Page#MAX_SIZE} (default 100), and no page so far on that its first item's position
 * overflows. A wrong one is a 400 that names it, whatever the text.
 */
public class Paging {

    static final int DEFAULT_SIZE = 100;

    @QueryParam("page")
    String page;

    @QueryParam("size")
    String size;

    public int page() {
        return QueryParameters.number("page", page, 0, 0, Integer.MAX_VALUE / size() - 1);
    }

    public int size() {
        return QueryParameters.number("size", size, DEFAULT_SIZE, 1, Page.MAX_SIZE);
    }

    /** The page of these items, out of the total. */
    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, page(), size(), total);
    }
}

package dev.smstrack.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PagingTest {

    private static Paging paging(String page, String size) {
        var paging = new Paging();
        paging.page = page;
        paging.size = size;
        return paging;
    }

    /** Deeper is a 400 (BadInputIT: its exception needs the JAX-RS runtime of the server). */
    @Test
    void readsAsDeepAsTenThousandItems() {
        assertEquals(99, paging("99", null).page(), "items 9,900 to 9,999");
        assertEquals(19, paging("19", "500").page());
        assertEquals(9_999, paging("9999", "1").page());
    }
}

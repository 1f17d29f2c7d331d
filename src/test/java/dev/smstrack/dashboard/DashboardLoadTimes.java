package dev.smstrack.dashboard;

import dev.smstrack.testing.TestUsers;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long each page of the dashboard takes to show its data, in headless Chromium: from the start
 * of a full page load to the page's {@code dashboard:<page>} mark, the first load (nothing cached)
 * and then the median and slowest of the next ones (the browser revalidates its files). For
 * bench/dashboard.sh: {@code java … DashboardLoadTimes <base URL> <repeats> <route>…}.
 */
public final class DashboardLoadTimes {

    private DashboardLoadTimes() {}

    public static void main(String[] arguments) throws Exception {
        URL base = new URL(arguments[0]);
        int repeats = Integer.parseInt(arguments[1]);
        try (var browser = Browser.as(TestUsers.OPS, base, "messages")) {
            for (int i = 2; i < arguments.length; i++) {
                String route = arguments[i];
                String page = route.startsWith("messages/") ? "message" : route.replaceAll("\\?.*", "");
                long first = load(browser, route, page);
                List<Long> next = new ArrayList<>();
                for (int r = 0; r < repeats; r++) {
                    next.add(load(browser, route, page));
                }
                Collections.sort(next);
                System.out.printf(
                        "%-12s first %5d ms, then median %5d ms (slowest %5d ms) of %d loads%n",
                        page, first, next.get(next.size() / 2), next.get(next.size() - 1), repeats);
            }
            var errors = browser.consoleErrors();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the page logged errors: " + errors);
            }
        }
    }

    /** A full load of the route, until the page marks itself drawn; ms since the navigation began. */
    private static long load(Browser browser, String route, String page) {
        browser.driver.get(browser.origin() + "/#/" + route);
        Object at = browser.until(
                Duration.ofSeconds(60),
                d -> browser.script(
                        "const m = performance.getEntriesByName(arguments[0]); return m.length ? m[0].startTime : null",
                        "dashboard:" + page));
        return Math.round(((Number) at).doubleValue());
    }
}

package dev.smstrack.dashboard;

import dev.smstrack.testing.TestUsers;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How long each page of the dashboard takes to show its data, in headless Chromium: from the start
 * of a full page load to the page's {@code dashboard:<page>} mark, the first load (nothing cached)
 * and then the median and slowest of the next ones (the browser revalidates its files). For
 * bench/dashboard.sh: {@code java … DashboardLoadTimes <base URL> <repeats> <route>…}.
 */
public final class DashboardLoadTimes {

    private DashboardLoadTimes() {}

    /** Marks a page sets after its first drawing, as what comes later arrives. */
    private static final Map<String, String> THEN = Map.of("statistics", "statistics-by-operator");

    public static void main(String[] arguments) throws Exception {
        URL base = new URL(arguments[0]);
        int repeats = Integer.parseInt(arguments[1]);
        try (var browser = Browser.as(TestUsers.OPS, base, "messages")) {
            for (int i = 2; i < arguments.length; i++) {
                String route = arguments[i];
                String page = route.startsWith("messages/") ? "message" : route.replaceAll("\\?.*", "");
                List<String> marks = THEN.containsKey(page) ? List.of(page, THEN.get(page)) : List.of(page);
                List<List<Long>> times = new ArrayList<>();
                for (int r = 0; r <= repeats; r++) {
                    times.add(load(browser, route, marks));
                }
                for (int m = 0; m < marks.size(); m++) {
                    int mark = m;
                    List<Long> next = new ArrayList<>(times.subList(1, times.size()).stream()
                            .map(each -> each.get(mark))
                            .toList());
                    Collections.sort(next);
                    System.out.printf(
                            "%-24s %-22s first %5d ms, then median %5d ms (slowest %5d ms) of %d loads%n",
                            route.replaceAll("/[^?]+", "/<id>"),
                            marks.get(m),
                            times.get(0).get(m),
                            next.get(next.size() / 2),
                            next.get(next.size() - 1),
                            repeats);
                }
            }
            var errors = browser.consoleErrors();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("the page logged errors: " + errors);
            }
        }
    }

    /** A full load of the route, until the page has set each mark; ms from the navigation's start. */
    private static List<Long> load(Browser browser, String route, List<String> marks) {
        browser.driver.get("about:blank"); // else a new hash on the same page is no load at all
        browser.driver.get(browser.origin() + "/#/" + route);
        List<Long> at = new ArrayList<>();
        for (String mark : marks) {
            Object time = browser.until(
                    Duration.ofSeconds(60),
                    d -> browser.script(
                            "const m = performance.getEntriesByName(arguments[0]); return m.length ? m[0].startTime : null",
                            "dashboard:" + mark));
            at.add(Math.round(((Number) time).doubleValue()));
        }
        return at;
    }
}

package dev.smstrack.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smstrack.messages.SmsEncoding;
import dev.smstrack.testing.Deployments;
import dev.smstrack.testing.ServerSettings;
import dev.smstrack.testing.SignedCallbacks;
import dev.smstrack.testing.TestUsers;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in headless Chromium against the deployed WAR and the simulator: what an operator
 * does every day, each step as a user does it (typing, clicking, the keyboard), with a screenshot
 * of each under target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {

    /** The simulator dispatches it after 2 s and delivers it 3 s later: time to watch each step. */
    private static final String WATCHED = "+46700000100";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar().addClass(DeadLetterSeed.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aMessageSentThroughTheFormIsSeenDispatchedThenDeliveredWithoutAReload() throws Exception {
        try (var browser = Browser.as(TestUsers.OPS, base, "send")) {
            browser.find("#send-to").sendKeys(WATCHED);
            browser.find("#send-body").sendKeys("Watch me go");
            assertEquals(
                    "11 GSM-7 characters · 1 part",
                    browser.find("#send-body-parts").getText());
            browser.find("#send-form button[type=submit]").click();
            String href = browser.find("#send-result a").getAttribute("href");
            String id = href.substring(href.lastIndexOf('/') + 1);

            browser.script("window.notReloaded = true");
            browser.find("#nav a[data-route=messages]").click();
            String row = "tr[data-id='" + id + "'] [data-cell=status]";
            browser.until(d -> "Dispatched".equals(text(browser, row)));
            browser.screenshot("messages-dispatched");
            browser.until(Duration.ofSeconds(30), d -> "Delivered".equals(text(browser, row)));
            assertEquals(Boolean.TRUE, browser.script("return window.notReloaded"), "the page was not reloaded");
            assertEquals("Live", browser.find("#live").getText());
            browser.screenshot("messages-delivered");

            browser.find("tr[data-id='" + id + "'] a").click();
            browser.until(d -> browser.all("ol.timeline li").size() >= 3);
            String timeline = browser.find("ol.timeline").getText();
            assertTrue(timeline.contains("Submitted"), timeline);
            assertTrue(timeline.indexOf("Dispatched") < timeline.indexOf("Delivered"), timeline);
            assertTrue(timeline.contains("operator Simulated Mobile"), timeline);
            browser.all("ol.timeline li button").get(0).click();
            String raw = browser.find(".raw pre").getText();
            assertTrue(raw.contains("\"batch_id\""), raw);
            browser.screenshot("message-timeline");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void aBadNumberIsShownAtTheRecipientsField() throws Exception {
        try (var browser = Browser.as(TestUsers.SENDER, base, "send")) {
            browser.find("#send-to").sendKeys("0701234567");
            browser.find("#send-body").sendKeys("Hej då – ünïcödé ✓");
            assertEquals(
                    "18 UCS-2 characters · 1 part",
                    browser.find("#send-body-parts").getText());
            browser.find("#send-form button[type=submit]").sendKeys(Keys.ENTER);
            String error = browser.until(d -> {
                String shown = browser.find("#send-to-error").getText();
                return shown.isBlank() ? null : shown;
            });
            assertEquals("to: 0701234567 is not an E.164 number like +46701234567", error);
            assertEquals("true", browser.find("#send-to").getAttribute("aria-invalid"));
            assertEquals("send-to", browser.script("return document.activeElement.id"), "the field is focused");
            browser.screenshot("send-validation-error");
            // The 400 itself is what the browser logs; the page logs nothing else.
            assertEquals(
                    List.of(),
                    browser.consoleErrors().stream()
                            .filter(line -> !line.contains("status of 400"))
                            .toList());
        }
    }

    /** The Send form's options: a dry run shows each recipient's cost, a scheduled send can be cancelled. */
    @Test
    void theSendFormDryRunsSchedulesAndCancels() throws Exception {
        try (var browser = Browser.as(TestUsers.SENDER, base, "send")) {
            browser.find("#send-to").sendKeys("+46701230301, +46701230302");
            browser.find("#send-body").sendKeys("Hi ${name} ✓");
            browser.find("#send-options summary").click();
            browser.find("#send-parameters")
                    .sendKeys("{\"name\": {\"+46701230301\": \"Anna\", \"default\": \"there\"}}");
            browser.find("#send-dry-run").click();
            List<String> rows = browser.until(d -> {
                var cells = browser.all("#send-dry-run-result tbody tr");
                return cells.size() == 2
                        ? cells.stream().map(WebElement::getText).toList()
                        : null;
            });
            assertEquals(List.of("+46701230301 UNICODE 1 Hi Anna ✓", "+46701230302 UNICODE 1 Hi there ✓"), rows);

            // An hour from now, in the browser's local time, as a datetime-local field holds it.
            browser.script("const at = document.getElementById('send-sendAt');"
                    + "const local = new Date(Date.now() + 3600000 - new Date().getTimezoneOffset() * 60000);"
                    + "at.value = local.toISOString().slice(0, 16);"
                    + "at.dispatchEvent(new Event('input', {bubbles: true}));");
            browser.find("#send-form button[type=submit]").click();
            browser.until(d -> browser.find("#send-result").getText().contains("to be sent at") ? true : null);
            browser.screenshot("send-scheduled");
            // A click while the first attempt is under way is told to wait for it: the user clicks again.
            String cancelled = browser.until(Duration.ofSeconds(30), d -> {
                String shown = browser.find("#send-result").getText();
                if (shown.startsWith("Cancelled")) {
                    return shown;
                }
                var cancel = browser.find("#send-cancel");
                if (cancel.isEnabled()) {
                    cancel.click();
                }
                return null;
            });
            // Cancelled locally before its first attempt, or at Sinch after it: either way CANCELLED.
            assertTrue(cancelled.startsWith("Cancelled: 2 message(s), CANCELLED"), cancelled);
            assertEquals(
                    List.of(),
                    browser.consoleErrors().stream()
                            .filter(line -> !line.contains("status of 409"))
                            .toList());
        }
    }

    /** The form counts parts as the server will: the same answer for every edge of both encodings. */
    @Test
    void theFormCountsPartsAsTheServerDoes() throws Exception {
        List<String> bodies = List.of(
                "",
                "a".repeat(160),
                "a".repeat(161),
                "a".repeat(306),
                "a".repeat(307),
                "€".repeat(80),
                "€".repeat(81),
                "[]{}~|^\\ and @£$¥ èéùìò ÄÖÑÜ§¿",
                "✓".repeat(70),
                "✓".repeat(71),
                "😀".repeat(35),
                "😀".repeat(36),
                "Hej då – " + "x".repeat(130));
        try (var browser = Browser.as(TestUsers.SENDER, base, "send")) {
            for (String body : bodies) {
                var counted = (java.util.Map<?, ?>) browser.driver.executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "import('/dashboard/sms-parts.js').then(m => done(m.smsParts(arguments[0])));",
                        body);
                var server = SmsEncoding.of(body);
                assertEquals(
                        List.of(server.name(), (long) server.units(), (long) server.parts()),
                        List.of(counted.get("encoding"), counted.get("units"), counted.get("parts")),
                        "a body of " + body.length() + " characters: "
                                + body.substring(0, Math.min(12, body.length())));
            }
        }
    }

    @Test
    void anOperatorSeesTheSendingGuardItsSettingsAndWhatItRefused() throws Exception {
        try (var settings = new ServerSettings()) {
            settings.set("sending.allowed.prefixes", "+4670").set("sending.daily.quota.per.user", "1000");
            var refused = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(base.toURI().resolve("/api/messages"))
                                    .header("Authorization", TestUsers.SENDER.basic())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"to\":[\"+4915112345000\"],\"body\":\"refused\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), refused.body());
            try (var browser = Browser.as(TestUsers.OPS, base, "guard")) {
                assertTrue(browser.find("#guard-settings").getText().contains("+4670"));
                String firstRefusal = browser.find("#guard-refusals tbody tr").getText();
                assertTrue(firstRefusal.contains(TestUsers.SENDER.userName()), firstRefusal);
                assertTrue(firstRefusal.contains("destination"), firstRefusal);
                assertFalse(firstRefusal.contains("+4915112345000"), "masked: " + firstRefusal);
                browser.screenshot("sending-guard");
                assertEquals(List.of(), browser.consoleErrors());
            }
        }
        try (var browser = Browser.as(TestUsers.SENDER, base, "guard")) {
            browser.until(d -> d.getCurrentUrl().endsWith("#/messages")
                    || d.getCurrentUrl().endsWith("#/send"));
            assertTrue(browser.all("#nav a[data-route=guard]").isEmpty(), "no guard for a sender");
        }
    }

    @Test
    void aReaderSeesNoSendForm() throws Exception {
        try (var browser = Browser.as(TestUsers.READER, base, "send")) {
            browser.until(d -> d.getCurrentUrl().endsWith("#/messages"));
            assertTrue(browser.all("#send-form").isEmpty(), "no send form");
            assertTrue(browser.all("#nav a[data-route=send]").isEmpty(), "no link to it");
            assertFalse(browser.all("#nav a[data-route=statistics]").isEmpty());
            browser.go("problems");
            browser.find("#problems-dead-letters h3");
            assertTrue(browser.all("#problems-dead-letters button").isEmpty(), "no replay for a reader");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void anOperatorReplaysADeadLetterAndSeesWhyItFailed() throws Exception {
        // Ten digits in a row, as a Sinch batch id may hold: an id is not a number to mask.
        String batchId =
                "IT0123456789" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        var seeded = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.toURI().resolve("/it/dead-letter?batchId=" + batchId))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(204, seeded.statusCode(), seeded.body());

        try (var browser = Browser.as(TestUsers.OPS, base, "problems")) {
            var row = browser.until(d -> d.findElements(By.cssSelector("#dead-letters tr")).stream()
                    .filter(tr -> tr.getText().contains(batchId))
                    .findFirst()
                    .orElse(null));
            assertTrue(
                    row.getText().toLowerCase().contains("callback"),
                    "the reason names the missing table: " + row.getText());
            assertFalse(row.getText().contains("+46701110000"), "the recipient is masked: " + row.getText());
            browser.screenshot("problems-dead-letter");
            row.findElement(By.cssSelector("button")).click();
            browser.until(d -> d.findElements(By.cssSelector("#dead-letters tr")).stream()
                    .noneMatch(tr -> tr.getText().contains(batchId)));
            assertTrue(browser.find("#problems-dead-letters .notice").getText().contains("replayed"));
        }
        // Replayed, it is stored: the report is kept (unmatched: no message has that batch).
        var sinch = new SignedCallbacks(base.toURI());
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        sinch.getJson("api/status-events?batchId=" + batchId).getInt("total") == 1);
    }

    @Test
    void statisticsDrawTheirChartsAndEveryPageFitsAPhone() throws Exception {
        try (var browser = Browser.as(TestUsers.OPS, base, "statistics")) {
            browser.until(d -> browser.all("figure.chart canvas").size() >= 3);
            browser.screenshot("statistics");
            assertEquals(List.of(), browser.consoleErrors());
        }
        try (var phone = Browser.as(TestUsers.OPS, base, "messages", 390, 844)) {
            for (String route : List.of("messages", "send", "statistics", "problems")) {
                phone.go(route);
                phone.find("main h2");
                phone.until(d ->
                        phone.all("main p").stream().noneMatch(p -> p.getText().equals("Loading…")));
                Number overflow = (Number) phone.script(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0, overflow.intValue(), route + " is wider than the phone");
                phone.screenshot("phone-" + route);
            }
            assertEquals(List.of(), phone.consoleErrors());
        }
    }

    /** Readable: every text of every page at WCAG AA contrast against what it is drawn on. */
    @Test
    void everyTextIsReadableAgainstItsBackground() throws Exception {
        try (var browser = Browser.as(TestUsers.OPS, base, "messages")) {
            for (String route : List.of("messages", "send", "statistics", "problems")) {
                browser.go(route);
                browser.until(d -> browser.all("main p").stream()
                        .noneMatch(p -> p.getText().equals("Loading…")));
                assertEquals(List.of(), browser.textsOfTooLittleContrast(), route);
            }
            browser.go("send");
            browser.find("#send-to").sendKeys("bad");
            browser.find("#send-body").sendKeys("x");
            browser.find("#send-form button[type=submit]").click();
            browser.until(d -> !browser.find("#send-to-error").getText().isBlank());
            assertEquals(List.of(), browser.textsOfTooLittleContrast(), "an error shown");
        }
    }

    @Test
    void theKeyboardReachesEveryPageAndTheFirstTabOffersToSkipToIt() throws Exception {
        try (var browser = Browser.as(TestUsers.OPS, base, "messages")) {
            browser.find("body").sendKeys(Keys.TAB);
            assertEquals("Skip to the page", browser.script("return document.activeElement.textContent"));
            for (int i = 0; i < 10 && !"problems".equals(focusedRoute(browser)); i++) {
                browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            }
            assertEquals("problems", focusedRoute(browser), "Tab reaches the last page's link");
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.until(d -> d.getCurrentUrl().endsWith("#/problems"));
        }
    }

    /** The page runs only this server's scripts, is never framed, and the browser sniffs no type. */
    @Test
    void thePageIsServedUnderAStrictContentSecurityPolicy() throws Exception {
        for (String path : List.of("/", "/index.html", "/dashboard/app.js")) {
            var answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                                    .header("Authorization", TestUsers.READER.basic())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertEquals(200, answer.statusCode(), path);
            String policy =
                    answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(
                    policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"),
                    path + ": " + policy);
            assertFalse(policy.contains("unsafe"), policy);
            assertEquals(
                    "nosniff",
                    answer.headers().firstValue("X-Content-Type-Options").orElse(""),
                    path);
        }
    }

    /** Two clicks on Send, or a click while the first is on its way, send one SMS. */
    @Test
    void sendingTwiceFromOneFilledFormSendsOnce() throws Exception {
        try (var browser = Browser.as(TestUsers.OPS, base, "send")) {
            String number = "+4670" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
            browser.find("#send-to").sendKeys(number);
            browser.find("#send-body").sendKeys("once");
            browser.script("const b = document.querySelector('#send-form button[type=submit]');"
                    + " b.click(); b.disabled = false; b.click();");
            browser.find("#send-result a");
            var sinch = new SignedCallbacks(base.toURI());
            org.awaitility.Awaitility.await()
                    .pollDelay(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> sinch.getJson("api/messages?recipient=" + java.net.URLEncoder.encode(number, "UTF-8"))
                                    .getInt("total")
                            == 1);
        }
    }

    @Test
    void anonymousGetsTheLoginChallengeNotThePage() throws Exception {
        for (String path :
                List.of("/", "/index.html", "/dashboard/app.js", "/webjars/uplot/1.6.30/dist/uPlot.esm.js")) {
            var answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), path);
            assertTrue(
                    answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), path);
        }
    }

    private static String focusedRoute(Browser browser) {
        return (String) browser.script("return document.activeElement.dataset.route || null");
    }

    private static String text(Browser browser, String css) {
        var found = browser.all(css);
        return found.isEmpty() ? null : found.get(0).getText();
    }
}

package dev.smstrack.dashboard;

import dev.smstrack.testing.TestUsers;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its chromedriver, logged in as one test user: the
 * login is HTTP Basic, answered once for the whole origin as the browser answers its prompt.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final URL base;

    /**
     * Skips the browser tests where Chromium is not installed, unless BROWSER_TESTS=required (as CI
     * sets it): there a missing browser fails them.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed && "required".equals(System.getenv("BROWSER_TESTS"))) {
            throw new IllegalStateException("BROWSER_TESTS=required, and " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(
                installed, "no " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
    }

    private Browser(URL base, int width, int height) {
        this.base = base;
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // No background connections: this machine's network is closed, and they would be refused.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + width + "," + height);
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingOptions", logs);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A desktop-sized browser (1280 px) logged in as the user, on the dashboard's page for the route. */
    static Browser as(TestUsers user, URL base, String route) {
        return as(user, base, route, 1280, 900);
    }

    static Browser as(TestUsers user, URL base, String route, int width, int height) {
        assumeInstalled();
        var browser = new Browser(base, width, height);
        String origin = browser.origin();
        // Logs in once, as an answer to the prompt would; then the page is opened without the
        // credentials in its address (a page with them may not call fetch), and they stay cached.
        browser.driver.get(origin.replace("://", "://" + user.userName() + ":" + user.password() + "@")
                + "/dashboard/dashboard.css");
        browser.driver.get(origin + "/#/" + route);
        browser.awaitLoaded();
        return browser;
    }

    /** Goes to a route of the page without reloading it (the hash changes). */
    void go(String route) {
        driver.executeScript("window.location.hash = arguments[0]", "#/" + route);
        awaitLoaded();
    }

    /** The page has asked who the user is and drawn its navigation. */
    void awaitLoaded() {
        until(d -> !d.findElements(By.cssSelector("#who")).isEmpty()
                && !d.findElement(By.cssSelector("#who")).getText().isBlank());
    }

    <T> T until(ExpectedCondition<T> condition) {
        return until(Duration.ofSeconds(20), condition);
    }

    <T> T until(Duration atMost, ExpectedCondition<T> condition) {
        // A page redrawn under the test replaces the elements it was reading: read them again.
        return new WebDriverWait(driver, atMost, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return until(
                d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The texts on the page whose contrast with their background is below WCAG's AA (contrast.js). */
    List<String> textsOfTooLittleContrast() throws Exception {
        try (var script = Browser.class.getResourceAsStream("contrast.js")) {
            @SuppressWarnings("unchecked")
            List<String> tooLittle = (List<String>) script(new String(script.readAllBytes(), StandardCharsets.UTF_8));
            return tooLittle;
        }
    }

    /** Saves what the browser shows under target/screenshots. */
    Path screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** What the page logged as errors since the last call (scripts, CSP, failed requests the page did not expect). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** The server's scheme, host and port, without the credentials. */
    String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

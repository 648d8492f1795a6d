package org.tidings.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for browser tests, one per test class, through Debian's {@code chromium} and
 * {@code chromium-driver} (never a downloaded browser: the machines reach no such site). Register
 * it on a static field:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * ...
 * browser.open(url);
 * browser.screenshot("signed-up");
 * </pre>
 *
 * Without the two programs the class's tests are skipped with a message, except under
 * {@code CI=true}, where a missing browser fails them: CI installs both, so a skip there would
 * hide that nothing was tested. Screenshots go to {@code target/screenshots/} for people to look at.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    /** A current phone's CSS viewport (iPhone 14: 390 x 844). */
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final Duration WAIT = Duration.ofSeconds(10);

    /**
     * Selenium looks for DevTools bindings of this Chromium's version, which we do not use (the
     * screenshots go through the driver's own CDP command), and warns on every start without them.
     * Held here: java.util.logging keeps loggers weakly, and the level would go with a collected one.
     */
    private static final Logger CDP_LOOKUP = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private ChromeDriver driver;
    /** The programs not found, comma-separated; empty when the browser runs. */
    private String missing = "";
    private String testName = "test";

    @Override
    public void beforeAll(ExtensionContext context) {
        missing = missingPrograms();
        if (!missing.isEmpty()) {
            return;
        }
        CDP_LOOKUP.setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                        "--window-size=" + WIDTH + "," + HEIGHT);
        driver = new ChromeDriver(service, options);
    }

    /** Skips or fails each test rather than the class, so that each shows in the report with the reason. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!missing.isEmpty()) {
            String message = "browser tests need Debian's chromium and chromium-driver (apt-get install chromium"
                    + " chromium-driver); missing: " + missing;
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message + "; skipped");
        }
        testName = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        // Cookies belong to a host, not a port: each test's new server on 127.0.0.1 would get the last one's session.
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    private static String missingPrograms() {
        StringBuilder missing = new StringBuilder();
        for (Path program : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(program)) {
                missing.append(missing.isEmpty() ? "" : ", ").append(program);
            }
        }
        return missing.toString();
    }

    /** The driver itself, for what the helpers here do not cover. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Loads the page and waits until it has loaded, as a click on a link would. */
    public void open(String url) {
        driver.get(url);
    }

    void open(URI url) {
        open(url.toString());
    }

    /** The first element matching the CSS selector, waiting for it to appear (after a form posts...). */
    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * The first {@code tag} element whose visible text is {@code text} (spaces collapsed), waiting
     * for it: a button or a link found as a person finds it. {@code text} holds no apostrophe.
     */
    public WebElement findByText(String tag, String text) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//" + tag + "[normalize-space()='" + text + "']")));
    }

    /**
     * Clicks a link or a submit button and waits until the next page has replaced this one, so that
     * what is looked up next cannot come from the page left behind.
     */
    public void follow(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(page));
    }

    /**
     * Finds the {@code tag} element showing {@code text} and follows it, as {@link #follow}. Found
     * again when Chromium reports it gone from the document between the lookup and the click
     * (a layout change after a phone screenshot can do that).
     */
    public void follow(String tag, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                follow(findByText(tag, text));
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            } catch (WebDriverException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
        }
    }

    /** The page's text as a reader sees it. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * The whole page, not only the window, at desktop width, as
     * {@code target/screenshots/<TestClass>-<test>-<step>.png}.
     */
    public Path screenshot(String step) {
        return capture(step);
    }

    /**
     * The same as a phone shows it, as {@code ...-<step>-phone.png}: 390 CSS pixels wide (one image
     * pixel each) with the mobile viewport rules, so a page without {@code <meta name="viewport">}
     * is laid out 980 pixels wide as phones do, and one that overflows shows its full width.
     */
    public Path phoneScreenshot(String step) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        try {
            return capture(step + "-phone");
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private Path capture(String step) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", fullPage()));
        Path file = SCREENSHOTS.resolve(testName + "-" + step + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The document's full size in CSS pixels, so a long page is captured to its end. */
    private Map<String, Object> fullPage() {
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        return Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1);
    }
}

package org.tidings.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The browser fixture itself, on what serve already shows: /healthz and the merged feed. */
class BrowserInfrastructureTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path dir;
    private WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void showsHealthAndSavesAScreenshot() throws Exception {
        browser.open(web.url("/healthz"));

        assertEquals("ok", browser.text().strip());
        Path shot = browser.screenshot("healthz");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(Browser.SCREENSHOTS.resolve("BrowserInfrastructureTest-showsHealthAndSavesAScreenshot-healthz.png"),
                shot);
    }

    @Test
    void showsTheMergedJsonFeedAtDesktopAndPhoneWidth() throws Exception {
        web.article("Le Monde", "Presse", "Élections <b>régionales</b>");
        web.passStalenessBound();

        browser.open(web.url("/feed.json"));

        assertTrue(browser.text().contains("\"title\":\"Élections <b>régionales</b>\""), browser.text());
        Path desktop = browser.screenshot("feed-json");
        Path phone = browser.phoneScreenshot("feed-json");
        assertEquals(1280, ImageIO.read(desktop.toFile()).getWidth());
        // JSON has no viewport tag: a phone lays it out wider than its screen, but narrower than a desktop.
        assertTrue(ImageIO.read(phone.toFile()).getWidth() < 1280);
    }
}

package org.pidlink.app.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for each test, as a JUnit extension ({@code @RegisterExtension}): started on a fresh profile
 * before each test, closed after it; the test is skipped where Chromium is not installed. The browser tests share
 * this instead of each starting and closing one.
 */
public final class ChromiumSession implements BeforeEachCallback, AfterEachCallback {

    private final int width;
    private final int height;
    private HeadlessChromium chromium;
    private Path profile;

    public ChromiumSession(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        assumeTrue(HeadlessChromium.available(),
                "browser tests need Debian's chromium and chromium-driver (.ci/run installs them)");
        profile = Files.createTempDirectory("pidlink-chromium-");
        chromium = HeadlessChromium.start(profile, width, height);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            profile = null;
        }
    }

    public WebDriver driver() {
        return chromium.driver();
    }

    public WebDriverWait waiting() {
        return chromium.waiting();
    }

    public void signInOnOrcid(String email) {
        chromium.signInOnOrcid(email);
    }

    public void connectWithAutoUpdate(int port, String email) {
        chromium.connectWithAutoUpdate(port, email);
    }

    public void signInAsAdministrator(int port) {
        chromium.signInAsAdministrator(port);
    }

    public void submitAndWaitForTheNextPage(By button) {
        chromium.submitAndWaitForTheNextPage(button);
    }

    public void scrollTo(String id) {
        chromium.scrollTo(id);
    }

    public void shot(String name) {
        chromium.shot(name);
    }
}

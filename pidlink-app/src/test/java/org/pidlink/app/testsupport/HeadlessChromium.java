package org.pidlink.app.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pidlink.app.orcid.DemoResearchers;

/**
 * Debian's Chromium, headless, driven by chromedriver, for the browser tests: the emulator's ORCID sign-in and
 * screenshots to {@code target/screenshots/}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver browser;
    private final WebDriverWait wait;

    private HeadlessChromium(ChromeDriver browser) {
        this.browser = browser;
        // An element read while htmx swaps it out fails ("Node with given id does not belong to the document"):
        // the condition is looked at again; a real failure still ends in a timeout carrying the last error.
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        this.wait.ignoring(WebDriverException.class);
    }

    /** Whether Chromium and chromedriver are installed ({@code .ci/run} installs them). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A browser with its own profile in {@code profile}, a window of {@code width}×{@code height}. */
    public static HeadlessChromium start(Path profile, int width, int height) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return browser;
    }

    /** Waits of 20 s at most. */
    public WebDriverWait waiting() {
        return wait;
    }

    /** On the emulator's sign-in page: signs in and waits for ORCID's consent question. */
    public void signInOnOrcid(String email) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(DemoResearchers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=authorize]")));
    }

    /** Signs in to pidlink at {@code port} as the demo administrator and waits for her profile. */
    /**
     * A new researcher's first visit: she signs in with ORCID from pidlink's home page, consents, then grants the
     * auto-update permission from her settings (which turns auto-update on) and is back on her settings page.
     */
    public void connectWithAutoUpdate(int port, String email) {
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("home-sign-in")).click();
        signInOnOrcid(email);
        browser.findElement(By.cssSelector("button[value=authorize]")).click();
        wait.until(ExpectedConditions.urlContains("/profile"));
        browser.findElement(By.id("nav-settings")).click();
        browser.findElement(By.id("connect-" + org.pidlink.app.orcid.OrcidRegistrations.AUTO_UPDATE)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=authorize]")));
        browser.findElement(By.cssSelector("button[value=authorize]")).click();
        wait.until(ExpectedConditions.urlContains("/settings"));
    }

    public void signInAsAdministrator(int port) {
        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("sign-in")).click();
        // The demo administrator may have consented before (other tests sign her in): ORCID then skips the question.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(DemoResearchers.JOSIAH.email());
        browser.findElement(By.id("password")).sendKeys(DemoResearchers.PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/profile")
                || !driver.findElements(By.cssSelector("button[value=authorize]")).isEmpty());
        if (!browser.getCurrentUrl().contains("/profile")) {
            browser.findElement(By.cssSelector("button[value=authorize]")).click();
            wait.until(ExpectedConditions.urlContains("/profile"));
        }
    }

    /**
     * Clicks a form's button and waits until the browser shows a new document: a page that answers with itself
     * could satisfy a wait for a text alone. A marker on the old page's window tells the two apart; element handles
     * are not used, since Chromium reports a handle into a replaced document with a generic error, not as stale.
     */
    public void submitAndWaitForTheNextPage(By button) {
        JavascriptExecutor page = browser;
        page.executeScript("window.pidlinkPreviousPage = true;");
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                        "return window.pidlinkPreviousPage === undefined && document.readyState === 'complete';")));
    }

    /** Scrolls the element with this id into view. */
    public void scrollTo(String id) {
        browser.executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
    }

    public void shot(String name) {
        File png = browser.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}

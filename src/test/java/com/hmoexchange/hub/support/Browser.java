package com.hmoexchange.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (Selenium cannot download a driver here), with a
 * fresh profile. One is started for the whole test run ({@link #shared}) and handed to each test class with no
 * cookies or storage left from the class before. Each program is taken from the system property
 * ({@code hub.chromium}, {@code hub.chromedriver}), else the environment ({@code HUB_CHROMIUM}, {@code HUB_CHROMEDRIVER}), else
 * /usr/bin, else the PATH; a missing one fails the test saying how to install it. Screenshots go to the folder
 * named by the system property {@code hub.screenshots} (docs/screenshots to refresh the committed ones), else
 * target/screenshots. Each page the browser is seen to open or wait on is checked for accessibility ({@link Accessibility}).
 */
public final class Browser implements AutoCloseable {

    private static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private final WebDriver driver;
    private final Path profile;
    private String base;
    private final Accessibility accessibility = new Accessibility();

    private static Browser shared;

    public Browser(int port) {
        Path chromium = program("hub.chromium", "HUB_CHROMIUM", "chromium", "chromium-browser");
        Path chromedriver = program("hub.chromedriver", "HUB_CHROMEDRIVER", "chromedriver");
        try {
            this.profile = Files.createTempDirectory("hub-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // Headless on a closed network: without the background-networking flags Chromium keeps trying Google's hosts.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
    }

    /**
     * The run's one Chromium, started by the first class that asks and quit when the test JVM exits, cleared for
     * the asking class: no cookies, storage or cache of earlier classes, nothing open.
     */
    public static synchronized Browser shared(int port) {
        if (shared == null) {
            shared = new Browser(port);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "quit-shared-chromium"));
        }
        shared.startAfresh(port);
        return shared;
    }

    private void startAfresh(int port) {
        base = "http://localhost:" + port;
        driver.get("about:blank");
        ChromiumDriver chromium = (ChromiumDriver) driver;
        chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chromium.executeCdpCommand("Network.clearBrowserCache", Map.of());
        chromium.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
    }

    /** The program named by the property or variable, else the first of the names found in /usr/bin or on the PATH. */
    static Path program(String property, String variable, String... names) {
        String given = System.getProperty(property, System.getenv(variable));
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(property + " / " + variable + " names " + given
                        + ", which is not an executable file: correct it, or unset it and " + INSTALL);
            }
            return path;
        }
        List<String> folders = new java.util.ArrayList<>(List.of("/usr/bin"));
        folders.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
        for (String name : names) {
            for (String folder : folders) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("The browser tests need " + names[0] + ", not found in /usr/bin or on the PATH: "
                + INSTALL + " (or set " + variable + " to its path)");
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        accessibility.check(driver);
        return this;
    }

    public void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/sign-in");
        type("username", username);
        type("password", password);
        find(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.cssSelector("form.sign-out"));
    }

    public void signOut() {
        find(By.cssSelector("form.sign-out button")).click();
        waitFor(By.id("username"));
    }

    public WebElement find(By by) {
        return waitFor(by);
    }

    public WebElement waitFor(By by) {
        WebElement shown = new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
        accessibility.check(driver);
        return shown;
    }

    /** Waits until the element's text contains the given text (htmx swaps, redirects). */
    public void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        accessibility.check(driver);
    }

    /** Waits until the address shows the page asked for (a form's results, not the page before it). */
    public void waitForUrl(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains(part));
        accessibility.check(driver);
    }

    public void type(String id, String text) {
        WebElement input = find(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    public void choose(String id, String visibleText) {
        new Select(find(By.id(id))).selectByVisibleText(visibleText);
    }

    public void click(String linkOrButtonText) {
        find(By.xpath("//a[normalize-space()='" + linkOrButtonText + "'] | //button[normalize-space()='" + linkOrButtonText + "']"))
                .click();
    }

    public String text(By by) {
        return find(by).getText();
    }

    public String mainText() {
        return text(By.id("main"));
    }

    public String heading() {
        return text(By.tagName("h1"));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** A screenshot of the whole window at the given width (phone or laptop), named for docs/screenshots. */
    public void screenshot(String name, int width) {
        Path folder = Path.of(System.getProperty("hub.screenshots", "target/screenshots"));
        Dimension before = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(width, 900));
            // Tall enough for the whole page (Chrome's screenshots show the window only).
            long height = (Long) ((JavascriptExecutor) driver).executeScript(
                    "return Math.ceil(document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height + 160, 600), 3000)));
            ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
            Files.createDirectories(folder);
            Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    public void screenshot(String name) {
        screenshot(name, 1280);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}

package io.worklane;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by Debian's chromedriver, on one of Camunda's webapps: a fresh profile per
 * browser, the time zone and language of a person in Berlin (so the plugins' dates are visibly converted),
 * screenshots under {@code target/<app>-screenshots/}. Closing it quits the browser and deletes the profile.
 */
public abstract class HeadlessChromium implements AutoCloseable {

    /** Registered by the tests: a failing test leaves a screenshot of the page it failed on. */
    public static final class ScreenshotOnFailure implements TestExecutionExceptionHandler {

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            HeadlessChromium browser = OPEN.get();
            if (browser != null) {
                try {
                    browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
                }
                catch (RuntimeException unavailable) {
                    failure.addSuppressed(unavailable);
                }
            }
            throw failure;
        }
    }

    private static final ThreadLocal<HeadlessChromium> OPEN = new ThreadLocal<>();

    public static final String TIME_ZONE = "Europe/Berlin";

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    protected final String base;
    private final String app;
    private final String scenario;
    private final Path screenshots;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private int shots;

    /** @param app the webapp, as in /camunda/app/{app}/ */
    protected HeadlessChromium(int port, String app, String scenario) {
        this.base = "http://localhost:" + port;
        this.app = app;
        this.scenario = scenario;
        this.screenshots = Path.of("target", app + "-screenshots");
        try {
            this.profile = Files.createTempDirectory(app + "-chromium-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .withEnvironment(Map.of("TZ", TIME_ZONE, "LANG", "en_US.UTF-8"))
            .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        OPEN.set(this);
    }

    /**
     * The webapp's own login page, as a person uses it. On a busy machine the page may take the typing before its
     * form is bound: then it types again, once.
     */
    protected void logInTo(String user, String password) {
        driver.get(base + "/camunda/app/" + app + "/default/");
        for (int attempt = 1;; attempt++) {
            type(By.cssSelector("input[ng-model='username']"), user);
            type(By.cssSelector("input[ng-model='password']"), password);
            driver.findElement(By.cssSelector("form button[type='submit']")).click();
            try {
                waitFor(By.cssSelector("[cam-widget-header] .account"));
                return;
            }
            catch (TimeoutException stillOnTheLoginPage) {
                if (attempt == 2) {
                    throw stillOnTheLoginPage;
                }
            }
        }
    }

    public WebElement waitFor(By locator) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** The first match's text once it contains the expected text (whitespace as a reader sees it). */
    public String waitForText(By locator, String expected) {
        return waitForText(locator, expected, PATIENCE);
    }

    public String waitForText(By locator, String expected, Duration patience) {
        new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class)
            .withMessage(() -> "'" + expected + "' in " + locator + "; it reads '" + textNow(locator) + "'")
            .until(browser -> textNow(locator).contains(expected));
        return textNow(locator);
    }

    /** The first match's text now, '' if there is none; read again when the page redrew it meanwhile. */
    public String textNow(By locator) {
        for (int attempt = 1;; attempt++) {
            try {
                List<WebElement> found = driver.findElements(locator);
                return found.isEmpty() ? "" : normalized(found.get(0).getText());
            }
            catch (StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    public String text(By locator) {
        waitFor(locator);
        return textNow(locator);
    }

    /** The texts of all matches now. */
    public List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(element -> normalized(element.getText())).toList();
    }

    /**
     * As a reader sees it: one space between words, whatever the layout's line breaks; Chromium's dates use narrow
     * and non-breaking spaces ("1:05 PM").
     */
    public static String normalized(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    /** Scrolled to the middle first: the webapps' fixed footer covers the bottom of the page. */
    public void click(By locator) {
        for (int attempt = 1;; attempt++) {
            try {
                WebElement element = waitUntil(ExpectedConditions.elementToBeClickable(locator));
                script("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return;
            }
            catch (StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    public void type(By locator, String text) {
        WebElement field = waitFor(locator);
        field.clear();
        field.sendKeys(text);
    }

    public void choose(By select, String value) {
        new Select(waitFor(select)).selectByValue(value);
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(PATIENCE, condition);
    }

    public <T> T waitUntil(Duration patience, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience).ignoring(StaleElementReferenceException.class).until(condition);
    }

    public boolean isShown(By locator) {
        return driver.findElements(locator).stream().anyMatch(WebElement::isDisplayed);
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves a PNG as target/{app}-screenshots/{scenario}-{nn}-{moment}.png. */
    public void screenshot(String moment) {
        try {
            Files.createDirectories(screenshots);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, screenshots.resolve(String.format("%s-%02d-%s.png", scenario, ++shots, moment)),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        OPEN.remove();
        try {
            driver.quit();
        }
        finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
            catch (IOException e) {
                // a profile left in the temporary directory harms nobody
            }
        }
    }
}

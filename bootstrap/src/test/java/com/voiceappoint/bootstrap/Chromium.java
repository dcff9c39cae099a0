package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium, driven by Selenium, against the running server: one browser per test class (it takes seconds to
 * start), its cookies cleared before each test. Every new page it lands on, whichever way (opened, a link, a form),
 * is photographed at a phone's width (375 px) and a desktop's (1280 px) into {@code target/screenshots/} and checked
 * with axe-core, which fails the test on any serious or critical WCAG 2 A/AA violation.
 *
 * <p>Debian's {@code chromium} and {@code chromium-driver} are used, or the pair named by {@code CHROME_BINARY} and
 * {@code CHROMEDRIVER}; never a downloaded one. Without them the tests are skipped on a developer's machine, and fail
 * where {@code CI=true}: a CI run must never pass by skipping them.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Chromium browser = new Chromium(() -> api.port());
 * ...
 * browser.open("/register");
 * browser.fill("E-mail", "ana@example.com");
 * browser.click("Create your business");
 * browser.waitForText("Calendar");
 * }</pre>
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int PHONE = 375;
    private static final int DESKTOP = 1280;
    private static final int HEIGHT = 900;
    /** Long pages are photographed whole, up to this height; a page longer than this is a problem of its own. */
    private static final int TALLEST_SCREENSHOT = 6000;

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA, as axe-core tags them. */
    private static final List<String> WCAG_A_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static final List<String> FAILING_IMPACTS = List.of("serious", "critical");
    /** Set on each page once it has been checked, so a new document (and only that) is checked again. */
    private static final String CHECKED = "__voiceappointChecked";

    private static final String AXE = readAxe();
    /** Selenium finds no DevTools classes for this Chromium and warns; only plain CDP commands are used. Held, as
     * java.util.logging keeps its loggers weakly. */
    private static final java.util.logging.Logger DEVTOOLS_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private final IntSupplier port;
    private ChromeDriver driver;
    private String testClass = "browser";
    private String test = "test";
    private int pages;

    /** @param port the server's port, asked for when the first page is opened (after the class's setup) */
    Chromium(IntSupplier port) {
        this.port = port;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        testClass = context.getRequiredTestClass().getSimpleName();
        Optional<String> missing = missingBrowser();
        if (missing.isPresent()) {
            String why = missing.get() + ": install chromium and chromium-driver (apt), or set CHROME_BINARY and"
                    + " CHROMEDRIVER";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and no browser for the browser tests: " + why);
            }
            Assumptions.abort("browser tests skipped: " + why);
        }
        forgetEarlierScreenshots();
        DEVTOOLS_LOG.setLevel(java.util.logging.Level.SEVERE);
        // Selenium Manager would otherwise look up (and download) a driver and report usage
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(driverPath()).toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("SE_OFFLINE", "true", "SE_AVOID_STATS", "true"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserPath());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--lang=es-ES",
                "--window-size=" + DESKTOP + "," + HEIGHT);
        // Spanish first, as most of our visitors' browsers ask: a page's own language must beat it
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-ES,es,en"));
        // the console is read after every page: a Content-Security-Policy violation there is a broken page
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // a parameterised test's runs each keep their screenshots: "[1] ES" is named -ES
        String run = context.getDisplayName().startsWith("[")
                ? "-"
                        + context.getDisplayName()
                                .replaceAll("^\\[\\d+\\]\\s*", "")
                                .replaceAll("[^A-Za-z0-9]+", "")
                : "";
        test = context.getRequiredTestMethod().getName() + run;
        pages = 0;
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
            driver.manage().deleteAllCookies();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    /** Only this run's screenshots are kept: one of a page no test visits any more would mislead. */
    private void forgetEarlierScreenshots() {
        Path directory = SCREENSHOTS.resolve(testClass);
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var earlier = Files.list(directory)) {
            for (Path file : earlier.filter(f -> f.toString().endsWith(".png")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String browserPath() {
        return Optional.ofNullable(System.getenv("CHROME_BINARY")).orElse("/usr/bin/chromium");
    }

    private static String driverPath() {
        return Optional.ofNullable(System.getenv("CHROMEDRIVER")).orElse("/usr/bin/chromedriver");
    }

    private static Optional<String> missingBrowser() {
        for (String executable : List.of(browserPath(), driverPath())) {
            if (!Files.isExecutable(Path.of(executable))) {
                return Optional.of("no " + executable);
            }
        }
        return Optional.empty();
    }

    /** The driver itself, for what these helpers do not cover. */
    ChromeDriver driver() {
        return driver;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port.getAsInt() + path;
    }

    /** Goes to {@code path} on the server (and checks the page it lands on, after any redirects). */
    Chromium open(String path) {
        driver.get(url(path));
        return arrived();
    }

    /** The page's path and query, as the address bar shows them after redirects. */
    String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    String title() {
        return driver.getTitle();
    }

    /** The page's language, from {@code <html lang>}. */
    String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** The visible text of the element {@code css} picks (the first one), e.g. {@code text("h1")}. */
    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** The visible text of the page's main content. */
    String mainText() {
        return text("main");
    }

    /**
     * Types {@code value} into the field labelled {@code label} (its {@code <label>}'s text, or its {@code
     * aria-label}), replacing what it held; picks the option of that text in a {@code <select>}, and ticks or unticks
     * a checkbox for {@code "true"} or {@code "false"}. Fields found by their label only: a field without one fails.
     */
    Chromium fill(String label, String value) {
        WebElement field = field(label);
        String tag = field.getTagName().toLowerCase(Locale.ROOT);
        String type = Optional.ofNullable(field.getAttribute("type")).orElse("").toLowerCase(Locale.ROOT);
        if (tag.equals("select")) {
            new Select(field).selectByVisibleText(value);
        } else if (type.equals("checkbox") || type.equals("radio")) {
            if (field.isSelected() != Boolean.parseBoolean(value) || type.equals("radio")) {
                field.click();
            }
        } else if (type.equals("date") || type.equals("time")) {
            // typed keys follow the browser's locale for these; the value is what the form sends
            ((JavascriptExecutor) driver)
                    .executeScript(
                            "arguments[0].value = arguments[1];"
                                    + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                                    + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                            field,
                            value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
        return this;
    }

    /** The field whose label reads {@code label}. */
    WebElement field(String label) {
        String literal = xpathLiteral(label);
        List<WebElement> labels = driver.findElements(
                By.xpath("//label[normalize-space(.)=" + literal + " or normalize-space(text())=" + literal + "]"));
        for (WebElement found : labels) {
            String target = found.getAttribute("for");
            if (target != null && !target.isEmpty()) {
                return driver.findElement(By.id(target));
            }
            List<WebElement> inner = found.findElements(By.cssSelector("input, select, textarea"));
            if (!inner.isEmpty()) {
                return inner.get(0);
            }
        }
        List<WebElement> labelled = driver.findElements(By.xpath("//*[(self::input or self::select or self::textarea)"
                + " and normalize-space(@aria-label)=" + literal + "]"));
        if (!labelled.isEmpty()) {
            return labelled.get(0);
        }
        throw new NoSuchElementException("no field labelled \"" + label + "\" on " + path());
    }

    /**
     * Clicks the link or button that reads {@code text} (its visible text, {@code aria-label} or a submit's value),
     * then waits for what it starts: a new page is checked like any other.
     */
    Chromium click(String text) {
        return click(clickable(text));
    }

    /** Clicks the first visible element {@code css} picks, as {@link #click(String)} does. */
    Chromium clickOn(String css) {
        return click(driver.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("nothing visible at \"" + css + "\" on " + path())));
    }

    private Chromium click(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        boolean leaves = Boolean.TRUE.equals(driver.executeScript(LEAVES_THE_PAGE, target));
        target.click();
        if (leaves) {
            // the click returns before the next page may have replaced this one: look at the next one, not this
            waitFor(replaced(page));
        }
        return arrived();
    }

    /**
     * The page has been replaced by another. Chromium sometimes answers for an element of a document being replaced
     * that its node "does not belong to the document" rather than that it is stale: the same news.
     */
    private static ExpectedCondition<Boolean> replaced(WebElement page) {
        return d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Whether clicking the element loads another document: a plain link elsewhere, or a plain form's submit. */
    private static final String LEAVES_THE_PAGE = "const e = arguments[0];"
            + " const htmx = el => el && [...el.attributes].some(a => /^(hx|data-hx)-(get|post|put|patch|delete)$/"
            + ".test(a.name));"
            + " if (htmx(e)) return false;"
            // an appointment's link opens in the page's dialog when there is one
            + " if (e.hasAttribute('data-drawer') && document.getElementById('drawer')) return false;"
            + " if (e.tagName === 'A') { const h = e.getAttribute('href');"
            + " return !!h && !h.startsWith('#') && !h.startsWith('javascript:') && !e.hasAttribute('download'); }"
            + " const f = e.form; if (!f || htmx(f)) return false;"
            + " const type = (e.getAttribute('type') || (e.tagName === 'BUTTON' ? 'submit' : '')).toLowerCase();"
            + " return type === 'submit';";

    WebElement clickable(String text) {
        String literal = xpathLiteral(text);
        List<WebElement> found = driver.findElements(By.xpath("//*[(self::a or self::button or @role='button'"
                + " or (self::input and (@type='submit' or @type='button')))"
                + " and (normalize-space(.)=" + literal + " or normalize-space(@aria-label)=" + literal
                + " or normalize-space(@value)=" + literal + ")]"));
        return found.stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow(
                        () -> new NoSuchElementException("nothing to click reading \"" + text + "\" on " + path()));
    }

    /** Presses keys on whatever has the focus (Tab, Enter, Escape...). */
    Chromium press(CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /**
     * Presses keys that leave the page (Enter on a link, Space on a submit button), then waits for the next one and
     * checks it like any other.
     */
    Chromium pressToLeave(CharSequence... keys) {
        WebElement page = driver.findElement(By.tagName("html"));
        press(keys);
        waitFor(replaced(page));
        return arrived();
    }

    /** Tabs until the focus is on an element {@code wanted} accepts; fails after a page's worth of stops. */
    WebElement tabTo(Predicate<WebElement> wanted) {
        for (int i = 0; i < 200; i++) {
            tab();
            WebElement now = focused();
            if (wanted.test(now)) {
                return now;
            }
        }
        throw new NoSuchElementException("the Tab key never reached what was wanted on " + path());
    }

    /** Opens a second tab of the same browser (same cookies) and goes there; answers the tab it came from. */
    String newTab() {
        String from = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        return from;
    }

    /** Goes back to a tab, left as it was (its scripts kept running). */
    Chromium switchTo(String tab) {
        driver.switchTo().window(tab);
        return this;
    }

    /** Closes every tab but {@code kept}, and stays there. */
    Chromium closeTabsBut(String kept) {
        for (String handle : driver.getWindowHandles()) {
            if (!handle.equals(kept)) {
                driver.switchTo().window(handle);
                driver.close();
            }
        }
        driver.switchTo().window(kept);
        return this;
    }

    /** Tab: the focus moves on, as a keyboard user moves it. */
    Chromium tab() {
        return press(Keys.TAB);
    }

    /** The element with the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Waits (up to 10 s) for a condition of the page, and answers what it answered. */
    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Waits (up to 10 s) until the page, as a whole, shows {@code text}: a live update, say. */
    Chromium waitForText(String text) {
        waitFor(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** Waits (up to 10 s) until the browser's address satisfies {@code path}. */
    Chromium waitForPath(Predicate<String> path) {
        waitFor(d -> path.test(path()));
        return this;
    }

    /**
     * The page as it looks now at 375 and 1280 px wide, into {@code target/screenshots/<test class>/} as {@code
     * <test>-<nn>-<name>-375.png} and {@code -1280.png}: for states of a page a script changed (a toast, a dialog).
     */
    Chromium screenshotsOf(String name) {
        pages++;
        String base = "%s-%02d-%s".formatted(test, pages, name.replaceAll("[^A-Za-z0-9_-]+", "-"));
        for (int width : List.of(PHONE, DESKTOP)) {
            photograph(base + "-" + width + ".png", width);
        }
        return this;
    }

    private void photograph(String file, int width) {
        try {
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", width == PHONE));
            long height = ((Number) ((JavascriptExecutor) driver)
                            .executeScript("return Math.max(document.documentElement.scrollHeight,"
                                    + " document.body ? document.body.scrollHeight : 0);"))
                    .longValue();
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of(
                                    "x", 0,
                                    "y", 0,
                                    "width", width,
                                    "height", Math.min(Math.max(height, HEIGHT), TALLEST_SCREENSHOT),
                                    "scale", 1)));
            Path directory = SCREENSHOTS.resolve(testClass);
            Files.createDirectories(directory);
            Files.write(directory.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * Runs axe-core on the page as it is now and fails on any serious or critical violation of WCAG 2 A/AA, listing
     * each with the elements it found it on. Runs by itself on every new page; call it after a script changed one.
     */
    @SuppressWarnings("unchecked")
    Chromium assertAccessible() {
        JavascriptExecutor js = driver;
        // WebDriver's scripts run outside the page's Content-Security-Policy, which allows no inline script
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(AXE);
        }
        Object answer = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                        + " resultTypes: ['violations']})"
                        + ".then(r => done(r.violations), e => done('axe failed: ' + e));",
                WCAG_A_AA);
        if (answer instanceof String failure) {
            throw new AssertionError(failure);
        }
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> violation : (List<Map<String, Object>>) answer) {
            if (!FAILING_IMPACTS.contains(String.valueOf(violation.get("impact")))) {
                continue;
            }
            StringBuilder problem = new StringBuilder()
                    .append(violation.get("impact"))
                    .append(" ")
                    .append(violation.get("id"))
                    .append(": ")
                    .append(violation.get("help"))
                    .append(" (")
                    .append(violation.get("helpUrl"))
                    .append(")");
            for (Map<String, Object> node : (List<Map<String, Object>>) violation.get("nodes")) {
                problem.append("\n    at ")
                        .append(node.get("target"))
                        .append(": ")
                        .append(String.valueOf(node.get("failureSummary")).replace("\n", "\n       "));
            }
            problems.add(problem.toString());
        }
        assertThat(problems)
                .as("accessibility of %s (axe-core, WCAG 2 A/AA)", path())
                .withFailMessage(() -> "accessibility problems on " + path() + ":\n  " + String.join("\n  ", problems))
                .isEmpty();
        return this;
    }

    /**
     * Every element the Tab key reaches on this page, in order from the top, shows where the focus is: an outline or
     * a shadow, drawn for keyboard focus. Call it on a page just opened; it leaves the focus where the last Tab put it.
     */
    Chromium assertFocusVisible() {
        List<String> invisible = new ArrayList<>();
        WebElement first = null;
        for (int i = 0; i < 60; i++) {
            tab();
            WebElement now = focused();
            if (now.getTagName().equalsIgnoreCase("body") || now.equals(first)) {
                break;
            }
            if (first == null) {
                first = now;
            }
            if (!focusShows(now)) {
                invisible.add(describe(now));
            }
        }
        assertThat(first).as("something on %s takes the keyboard focus", path()).isNotNull();
        assertThat(invisible)
                .as("elements on %s whose keyboard focus is invisible", path())
                .isEmpty();
        return this;
    }

    private boolean focusShows(WebElement element) {
        Object shows = ((JavascriptExecutor) driver)
                .executeScript(
                        "const s = getComputedStyle(arguments[0]);"
                                + " const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"
                                + " return (outline || s.boxShadow !== 'none')"
                                + " && arguments[0].matches(':focus-visible');",
                        element);
        return Boolean.TRUE.equals(shows);
    }

    private static String describe(WebElement element) {
        return "<" + element.getTagName() + "> " + element.getText().strip();
    }

    /** After an action: a new document is photographed and checked; the same one (htmx, a script) is left alone. */
    private Chromium arrived() {
        waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
        JavascriptExecutor js = driver;
        if (Boolean.TRUE.equals(js.executeScript("return window." + CHECKED + " === true;"))) {
            return this;
        }
        screenshotsOf(pageName());
        assertAccessible();
        assertNoPolicyViolations();
        js.executeScript("window." + CHECKED + " = true;");
        return this;
    }

    /**
     * The browser's console since the last look holds no Content-Security-Policy violation: an inline script or
     * style, or an attribute the policy refuses, does not work for a visitor either.
     */
    Chromium assertNoPolicyViolations() {
        List<String> refused = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        assertThat(refused)
                .as("Content-Security-Policy violations in the console on %s", path())
                .isEmpty();
        return this;
    }

    /** The page's name for its screenshots: its path, {@code home} for the landing page. */
    private String pageName() {
        String path = URI.create(driver.getCurrentUrl()).getRawPath();
        String name = path.replaceAll("^/+|/+$", "").replace('/', '-');
        return name.isEmpty() ? "home" : name;
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    private static String readAxe() {
        try (InputStream axe = Chromium.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (axe == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

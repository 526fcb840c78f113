package org.masthead.site.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.testing.HeadlessChromium;
import org.masthead.testing.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reader pages in a real browser (Debian's Chromium, headless): axe-core finds no WCAG 2.1 A
 * or AA violation on any type of page, a keyboard user can skip to the content and always sees
 * where the focus is, and an article reads completely with JavaScript turned off. Screenshots of
 * the front page and an article land in {@code target/screenshots/} for a person to look at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "masthead.demo=true")
class AccessibilityBrowserTests {

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static HeadlessChromium browser;

	@LocalServerPort
	int port;

	@Autowired
	ArticleCatalog catalog;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = HeadlessChromium.start(false);
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@TestFactory
	Stream<DynamicTest> everyTypeOfPageHasNoWcagViolations() throws Exception {
		ChromeDriver driver = browser.driver();
		return new ReaderPageSamples(this.catalog, this.port).pageTypes().stream()
			.map(page -> DynamicTest.dynamicTest(page.toString(), () -> {
				driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", page.headers()));
				try {
					driver.get(url(page.path()));
				}
				finally {
					driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
				}
				assertThat(driver.getTitle()).as("title of %s", page).isNotBlank();
				Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
				assertThat(results.getErrorMessage()).as("axe-core ran").isNull();
				assertThat(results.getPasses()).as("axe-core checked something").isNotEmpty();
				assertThat(results.getViolations()).as(() -> describe(page.toString(), results.getViolations())).isEmpty();
			}));
	}

	@Test
	void firstTabFocusesAVisibleSkipLinkThatMovesFocusToTheContent() {
		ChromeDriver driver = browser.driver();
		driver.get(url("/"));
		WebElement skipLink = driver.findElement(By.cssSelector("a.skip-link"));
		assertThat(inViewport(skipLink)).as("skip link hidden until focused").isFalse();

		new Actions(driver).sendKeys(Keys.TAB).perform();
		WebElement focused = driver.switchTo().activeElement();
		assertThat(focused).isEqualTo(skipLink);
		assertThat(focused.getText()).isEqualTo("Skip to content");
		assertThat(inViewport(focused)).as("skip link inside the viewport when focused").isTrue();
		assertThat(hasVisibleFocusIndicator(focused)).isTrue();

		new Actions(driver).sendKeys(Keys.ENTER).perform();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(driver.getCurrentUrl()).endsWith("#content");
			assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("content");
			assertThat((Number) driver.executeScript("return document.getElementById('content').getBoundingClientRect().top"))
				.as("content scrolled to the top of the window")
				.satisfies(top -> assertThat(Math.abs(top.doubleValue())).isLessThan(2));
		});

		new Actions(driver).sendKeys(Keys.TAB).perform();
		assertThat((Boolean) driver.executeScript(
				"return document.getElementById('content').contains(document.activeElement) && document.activeElement.matches('a')"))
			.as("the next Tab goes to the first link of the content")
			.isTrue();
	}

	@Test
	void everyLinkAKeyboardReachesShowsWhereTheFocusIs() {
		ChromeDriver driver = browser.driver();
		driver.get(url(anArticle().path()));
		int checked = 0;
		for (int i = 0; i < 25; i++) {
			new Actions(driver).sendKeys(Keys.TAB).perform();
			WebElement focused = driver.switchTo().activeElement();
			if ("a".equals(focused.getTagName())) {
				assertThat(hasVisibleFocusIndicator(focused)).as("focus indicator on link %s", focused.getDomProperty("outerHTML"))
					.isTrue();
				checked++;
			}
		}
		// the footer sits on a dark background: its links need an indicator that shows there too
		WebElement footerLink = driver.findElement(By.cssSelector(".site-footer a"));
		driver.executeScript("arguments[0].focus()", footerLink);
		assertThat(driver.switchTo().activeElement()).isEqualTo(footerLink);
		assertThat(hasVisibleFocusIndicator(footerLink)).as("focus indicator in the footer").isTrue();
		assertThat(footerLink.getCssValue("outline-color")).isNotEqualTo(footerBackground(driver));
		assertThat(checked).isGreaterThanOrEqualTo(20);
	}

	@Test
	void articleReadsCompletelyWithJavaScriptTurnedOff() throws IOException {
		ArticleSummary article = anArticle();
		HeadlessChromium noScript = HeadlessChromium.start(true);
		try {
			ChromeDriver driver = noScript.driver();
			// the browser really runs no page script
			driver.get("data:text/html,<title>before</title><script>document.title='after'</script>");
			assertThat(driver.getTitle()).isEqualTo("before");

			driver.get(url(article.path()));
			WebElement headline = driver.findElement(By.cssSelector("main h1"));
			assertThat(headline.getText()).isEqualTo(article.headline());
			assertThat(headline.isDisplayed()).isTrue();
			List<WebElement> paragraphs = driver.findElements(By.cssSelector(".story-body p"));
			assertThat(paragraphs).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> assertThat(p.isDisplayed()).isTrue());
			WebElement hero = driver.findElement(By.cssSelector("figure.hero img"));
			assertThat(hero.isDisplayed()).isTrue();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(Integer.parseInt(hero.getDomProperty("naturalWidth"))).isPositive());
		}
		finally {
			noScript.quit();
		}
	}

	@Test
	void frontPageAndArticleFitTheWindowOnDesktopAndPhone() throws IOException {
		ChromeDriver driver = browser.driver();
		Files.createDirectories(SCREENSHOTS);
		try {
			for (Map.Entry<String, String> page : Map.of("home", "/", "article", anArticle().path()).entrySet()) {
				driver.manage().window().setSize(new Dimension(1280, 1000));
				driver.get(url(page.getValue()));
				assertFitsTheWindow(driver, page.getKey() + " at 1280px");
				fullPageScreenshot(driver, SCREENSHOTS.resolve(page.getKey() + "-1280.png"));

				driver.manage().window().setSize(new Dimension(390, 844));
				driver.get(url(page.getValue()));
				assertFitsTheWindow(driver, page.getKey() + " at 390px");
				fullPageScreenshot(driver, SCREENSHOTS.resolve(page.getKey() + "-390.png"));
			}
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

	private void assertFitsTheWindow(ChromeDriver driver, String what) {
		Number overflow = (Number) driver.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as("%s scrolls sideways by", what).isLessThanOrEqualTo(0);
	}

	/** The whole page, not just the window: the window grows to the page's height for the shot. */
	private static void fullPageScreenshot(ChromeDriver driver, Path file) throws IOException {
		Dimension window = driver.manage().window().getSize();
		Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
		driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(height.intValue() + 100, 8000)));
		await().atMost(Duration.ofSeconds(5)).until(() -> (Boolean) driver.executeScript(
				"return [...document.images].every(i => i.complete)"));
		File shot = driver.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
		driver.manage().window().setSize(window);
	}

	private ArticleSummary anArticle() {
		return this.catalog.latest(1, 100).items().stream()
			.filter(a -> a.hero() != null && a.hero().credit() != null)
			.findFirst()
			.orElseThrow();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private boolean inViewport(WebElement element) {
		return (Boolean) browser.driver().executeScript("""
				const r = arguments[0].getBoundingClientRect();
				return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
				    && r.bottom <= window.innerHeight && r.right <= window.innerWidth;""", element);
	}

	private static boolean hasVisibleFocusIndicator(WebElement element) {
		boolean outline = !"none".equals(element.getCssValue("outline-style"))
				&& !element.getCssValue("outline-width").startsWith("0");
		boolean shadow = !"none".equals(element.getCssValue("box-shadow"));
		return outline || shadow;
	}

	private static String footerBackground(ChromeDriver driver) {
		return driver.findElement(By.cssSelector(".site-footer")).getCssValue("background-color");
	}

	private static String describe(String page, List<Rule> violations) {
		return "WCAG violations on " + page + ":\n" + violations.stream().map(rule -> {
			String nodes = rule.getNodes().stream().map(AccessibilityBrowserTests::describe).collect(Collectors.joining("\n"));
			return "  " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getHelpUrl() + "\n" + nodes;
		}).collect(Collectors.joining("\n"));
	}

	private static String describe(CheckedNode node) {
		String html = node.getHtml().length() > 200 ? node.getHtml().substring(0, 200) + "…" : node.getHtml();
		return "    at " + node.getTarget() + ": " + html + "\n      "
				+ String.valueOf(node.getFailureSummary()).replace("\n", "\n      ");
	}

}

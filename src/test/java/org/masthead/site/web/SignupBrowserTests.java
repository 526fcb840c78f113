package org.masthead.site.web;

import java.time.Duration;
import java.time.Instant;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.newsletter.NewsletterDraft;
import org.masthead.newsletter.NewsletterStatus;
import org.masthead.newsletter.Newsletters;
import org.masthead.newsletter.SubscriberLinks;
import org.masthead.testing.HeadlessChromium;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sign-up blocks in a real browser: with JavaScript the form answers in place (no page load), the
 * error and the thank-you land in the block and are announced; without JavaScript the same form
 * round-trips and shows the message in the same block.
 */
@MastheadIntegrationTest
class SignupBrowserTests {

	private static HeadlessChromium withScript;

	private static HeadlessChromium withoutScript;

	@LocalServerPort
	int port;

	@Autowired
	Newsletters newsletters;

	@Autowired
	Newsroom newsroom;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubscriberLinks links;

	@BeforeAll
	static void startBrowsers() throws Exception {
		withScript = HeadlessChromium.start(false);
		withoutScript = HeadlessChromium.start(true);
	}

	@AfterAll
	static void quitBrowsers() {
		if (withScript != null) {
			withScript.quit();
		}
		if (withoutScript != null) {
			withoutScript.quit();
		}
	}

	@Test
	void theBlockAnswersInPlaceWithJavaScript() {
		String slug = newsletter();
		String article = article();
		ChromeDriver driver = withScript.driver();
		driver.get("http://localhost:" + port + article);
		WebElement block = driver.findElement(By.id("signup-" + slug));
		WebElement email = block.findElement(By.name("email"));
		Object marker = driver.executeScript("window.stillHere = 'yes'; return window.stillHere;");
		assertThat(marker).isEqualTo("yes");

		driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", block);
		email.sendKeys("not-an-address@", Keys.ENTER); // implicit submission, as a reader pressing Enter
		WebElement error = block.findElement(By.className("signup-error"));
		await().atMost(Duration.ofSeconds(10)).until(error::isDisplayed);
		assertThat(error.getText()).startsWith("Please enter a correct email address");
		assertThat(email.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(email.getDomAttribute("aria-describedby")).contains(error.getDomAttribute("id"));
		assertThat(error.getDomAttribute("aria-live")).isEqualTo("assertive");
		Results axe = new AxeBuilder().include("#signup-" + slug).analyze(driver);
		assertThat(axe.getViolations()).as("axe-core on the block showing an error").isEmpty();

		String address = "inline." + System.nanoTime() + "@ledger.test";
		email.clear();
		email.sendKeys(address, Keys.ENTER);
		WebElement done = block.findElement(By.className("signup-done"));
		await().atMost(Duration.ofSeconds(10)).until(() -> !done.getText().isEmpty());
		assertThat(done.getText()).isEqualTo("Thank you for signing up for this newsletter. We've sent you a confirmation email.");
		assertThat(done.getDomAttribute("role")).isEqualTo("status");
		assertThat(error.isDisplayed()).isFalse();
		assertThat(email.getDomAttribute("aria-invalid")).isNull();
		assertThat(driver.executeScript("return window.stillHere;")).as("no page load").isEqualTo("yes");
		assertThat(driver.getCurrentUrl()).doesNotContain("signup=");
		assertThat(pending(address)).isEqualTo(1);
	}

	@Test
	void theBlockWorksWithoutJavaScript() {
		String slug = newsletter();
		String article = article();
		ChromeDriver driver = withoutScript.driver();
		driver.get("http://localhost:" + port + article);
		String address = "plain." + System.nanoTime() + "@ledger.test";
		driver.findElement(By.id("signup-" + slug + "-email")).sendKeys(address);
		submitSignUp(driver, slug);
		await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().contains("result=sent"));
		assertThat(driver.getCurrentUrl()).contains(article + "?signup=" + slug);
		assertThat(driver.findElement(By.id("signup-" + slug)).findElement(By.className("signup-done")).getText())
			.isEqualTo("Thank you for signing up for this newsletter. We've sent you a confirmation email.");
		assertThat(pending(address)).isEqualTo(1);
	}

	@Test
	void theSubscribersOwnPagesAreValidAndAccessible() throws Exception {
		String slug = newsletter();
		String address = "own." + System.nanoTime() + "@ledger.test";
		ChromeDriver driver = withoutScript.driver();
		driver.get("http://localhost:" + port + "/newsletters/" + slug + "/");
		driver.findElement(By.id("signup-" + slug + "-email")).sendKeys(address);
		submitSignUp(driver, slug);
		await().atMost(Duration.ofSeconds(10)).until(() -> pending(address) == 1);
		long subscriber = jdbc.sql("select id from subscriber where address = :a").param("a", address).query(Long.class).single();
		long newsletter = newsletters.bySlug(slug).orElseThrow().id();
		HtmlChecker checker = new HtmlChecker();
		for (String link : new String[] { links.manage(subscriber), links.oneClickUnsubscribe(subscriber, newsletter) }) {
			String url = "http://localhost:" + port + java.net.URI.create(link).getRawPath();
			ChromeDriver browser = withScript.driver();
			browser.get(url);
			assertThat(browser.getTitle()).isNotBlank();
			Results axe = new AxeBuilder().withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
			assertThat(axe.getViolations()).as("axe-core on " + url).isEmpty();
			HtmlChecker.Report report = checker.checkHtml(url, fetch(url));
			assertThat(report.errors()).as("HTML errors on " + url).isEmpty();
		}
	}

	private static String fetch(String url) throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private long pending(String address) {
		return jdbc.sql("select count(*) from subscription s join subscriber r on r.id = s.subscriber_id where r.address = :a and s.status = 'PENDING'")
			.param("a", address).query(Long.class).single();
	}

	private String newsletter() {
		String slug = "harbour-lights-" + System.nanoTime() % 10_000_000;
		newsletters.create(new NewsletterDraft("Harbour Lights", slug, "The week on the waterfront.", null, "Every Saturday",
				"Harbour Lights", "lights@ledger.test", null, NewsletterStatus.ACTIVE, 0, false));
		return slug;
	}

	private String article() {
		TestContent.Basics basics = TestContent.Basics.create(newsroom);
		String slug = TestContent.unique("lighthouse-repainted");
		long id = newsroom.createDraft(basics.draft(slug, "Lighthouse repainted", "<p>Red and white again.</p>"));
		newsroom.publish(id, Instant.now());
		return "/" + slug + "/";
	}

	/**
	 * Sends the block's form as a reader at a keyboard does (Enter in the email field submits it, with
	 * or without JavaScript). In a full build the page's rail holds what every other test published,
	 * and a mouse click at the button's position was intercepted there; the button itself is checked
	 * to be the form's submit button.
	 */
	private static void submitSignUp(ChromeDriver driver, String slug) {
		var block = driver.findElement(By.id("signup-" + slug));
		var button = block.findElement(By.cssSelector("button[type=submit]"));
		assertThat(button.isDisplayed()).isTrue();
		Object cover = driver.executeScript("const b = arguments[0]; b.scrollIntoView({block: 'center'});"
				+ " const r = b.getBoundingClientRect(); const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
				+ " return e === b || b.contains(e) ? null : (e ? e.outerHTML.substring(0, 300) : 'nothing');", button);
		if (cover != null) {
			System.out.println("The sign-up button of " + slug + " is covered by: " + cover);
		}
		block.findElement(By.id("signup-" + slug + "-email")).sendKeys(Keys.ENTER);
	}

}

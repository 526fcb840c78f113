package org.masthead.site.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.content.Newsroom;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.masthead.testing.HeadlessChromium;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.masthead.testing.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The News Feed, live, in headless Chromium: items posted, edited and deleted while an article is
 * open appear, change and go without a reload, a breaking item raises the banner, and with
 * JavaScript off the column is a plain, complete list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class NewsFeedBrowserTests {

	private static HeadlessChromium browser;

	@LocalServerPort
	int port;

	@Autowired
	Newsroom newsroom;

	@Autowired
	NewsFeed feed;

	String articlePath;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = HeadlessChromium.start(false);
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void anArticle() {
		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("live-article");
		long id = newsroom.createDraft(basics.draft(slug, "Council debates the port plan", "<p>The debate went on.</p>"));
		newsroom.publish(id, Instant.now());
		articlePath = "/" + slug + "/";
		feed.post(new NewsFeedItemDraft("Earlier item", "Posted before the page opened.", null, false, false, null), "Test");
	}

	@Test
	void itemsArriveChangeAndGoWhileTheArticleIsOpen() {
		ChromeDriver driver = browser.driver();
		driver.get(url(articlePath));
		driver.executeScript("window.sameDocument = true");
		await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElements(By.cssSelector(".news-feed-column .feed-live")).stream()
			.anyMatch(e -> e.isDisplayed()));

		// dated a little ahead: the newest item, whatever other tests sharing the application posted
		Instant at = Instant.now().plusSeconds(240);
		long id = feed.post(new NewsFeedItemDraft("Port vote passes", "Councillors approved the plan 31 to 12.", null, false,
				false, at), "Test");
		By item = By.cssSelector(".news-feed-column #item-" + id);
		await().atMost(Duration.ofSeconds(5)).until(() -> !driver.findElements(item).isEmpty());
		assertThat(driver.findElement(item).findElement(By.cssSelector(".feed-headline")).getText()).isEqualTo("Port vote passes");
		List<String> times = driver.findElements(By.cssSelector(".news-feed-column .feed-days .feed-item")).stream()
			.map(e -> e.getDomAttribute("data-posted-at"))
			.toList();
		assertThat(times).as("placed in time order, newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(driver.findElement(item).findElement(By.cssSelector("time")).getText()).matches("\\d{1,2}:\\d{2} [AP]M");

		feed.edit(id, new NewsFeedItemDraft("Port vote passes narrowly", "Councillors approved the plan 22 to 21.", null, true,
				false, at));
		await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElement(item).getText().contains("narrowly"));
		await().atMost(Duration.ofSeconds(5)).until(() -> !driver.findElements(By.cssSelector("#breaking-banner")).isEmpty());
		assertThat(driver.findElement(By.cssSelector("#breaking-banner a")).getText()).isEqualTo("Port vote passes narrowly");
		Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
		assertThat(axe.getViolations()).as("axe-core on a page with a live item and the banner").isEmpty();

		feed.delete(id);
		await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElements(item).isEmpty());
		await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElements(By.cssSelector("#breaking-banner")).isEmpty());
		assertThat((Boolean) driver.executeScript("return window.sameDocument === true")).as("never reloaded").isTrue();
	}

	@Test
	void theFeedPageTakesNewItemsIntoTodaysGroup() {
		ChromeDriver driver = browser.driver();
		driver.get(url("/news-feed/"));
		await().atMost(Duration.ofSeconds(10)).until(() -> driver.findElement(By.cssSelector(".feed-live")).isDisplayed());
		long id = feed.post(new NewsFeedItemDraft("Live on the feed page", "It arrives as it is posted.", null, false, false,
				Instant.now().plusSeconds(240)), "Test");
		await().atMost(Duration.ofSeconds(5)).until(() -> !driver.findElements(By.cssSelector("#item-" + id)).isEmpty());
		assertThat(driver.findElement(By.cssSelector("#item-" + id + " h3.feed-headline")).getText()).isEqualTo("Live on the feed page");
		assertThat(driver.findElements(By.cssSelector(".feed-days .feed-group")).get(0).findElement(By.cssSelector("#item-" + id)))
			.isNotNull();
		feed.delete(id);
	}

	@Test
	void withJavaScriptOffTheColumnIsAPlainCompleteList() throws Exception {
		HeadlessChromium noScript = HeadlessChromium.start(true);
		try {
			ChromeDriver driver = noScript.driver();
			driver.get(url(articlePath));
			assertThat(driver.findElements(By.cssSelector(".news-feed-column .feed-item"))).isNotEmpty()
				.allSatisfy(li -> assertThat(li.isDisplayed()).isTrue());
			assertThat(driver.findElement(By.cssSelector(".news-feed-column .feed-live")).isDisplayed()).isFalse();
			assertThat(driver.findElement(By.cssSelector(".news-feed-column h2 a")).getDomAttribute("href")).isEqualTo("/news-feed/");
		}
		finally {
			noScript.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}

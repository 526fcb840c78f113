package org.masthead.editorial.web;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleDraft;
import org.masthead.content.ArticleStatus;
import org.masthead.content.Newsroom;
import org.masthead.content.WorkingCopies;
import org.masthead.content.WorkingCopy;
import org.masthead.identity.Role;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.platform.MastheadProperties;
import org.masthead.testing.Components;
import org.masthead.testing.StaffBrowser;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.masthead.testing.TestDatabase;
import org.masthead.testing.TestStaff;
import org.masthead.testing.TestStaff.Credentials;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole newsroom path in a real browser (Debian's Chromium, headless): an author signs in,
 * writes a new article in the rich-text editor with a related-article card, saves and submits it;
 * an editor sends it back with a comment; the author fixes it; the editor schedules it; it goes
 * live on time; the editor adds a correction, and readers see it. Along the way axe-core checks
 * the dashboard and the editor for WCAG 2.1 A/AA problems, and the time from navigation start to
 * the editor being ready to type is measured and printed, on the demo newsroom (its pictures fill
 * the hero picker). SQLite only (no {@code sql} tag).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "masthead.demo=true")
class EditorBrowserTests {

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static ChromeDriver driver;

	private static Path profile;

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Newsroom newsroom;

	@Autowired
	WorkingCopies copies;

	@Autowired
	MastheadProperties properties;

	@BeforeAll
	static void startBrowser() throws IOException {
		Components.assume(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "Chromium and its driver (" + CHROMIUM
				+ ", " + CHROMEDRIVER + ")", "apt-get install -y chromium chromium-driver");
		profile = Files.createTempDirectory("masthead-newsroom-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--window-size=1400,1100", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
			.build(), options);
	}

	@AfterAll
	static void quitBrowser() throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void authorWritesEditorSendsBackFixedScheduledLiveCorrected() throws Exception {
		Basics basics = Basics.create(newsroom);
		String relatedSlug = TestContent.unique("seawall");
		long related = newsroom.createDraft(basics.draft(relatedSlug, "Seawall works finish ahead of storms " + relatedSlug,
				"<p>The seawall is done.</p>"));
		newsroom.publish(related, Instant.now());
		Credentials author = TestStaff.create(accounts, Role.AUTHOR);
		Credentials editor = TestStaff.create(accounts, Role.EDITOR);

		signIn(author);
		assertNoWcagViolations("dashboard");
		driver.findElement(By.linkText("New article")).click();
		double ready = editorReadyMillis();
		System.out.printf("Editor page ready (interactive): %.0f ms from navigation start to TinyMCE's init callback%n", ready);
		assertNoWcagViolations("editor");

		String headline = "Harbour ferries add a night crossing " + TestContent.unique("n");
		driver.findElement(By.id("headline")).sendKeys(headline);
		assertThat(driver.findElement(By.id("slug")).getDomProperty("value")).as("slug follows the headline")
			.startsWith("harbour-ferries-add-a-night-crossing-");
		driver.findElement(By.id("dek")).sendKeys("Two boats will run after midnight from June.");
		new Select(driver.findElement(By.id("sectionId"))).selectByValue(String.valueOf(basics.sectionId()));
		new Select(driver.findElement(By.id("author-0"))).selectByValue(String.valueOf(basics.authorId()));
		typeInBody("The ferry company will add a night crossing on weekdays.");
		insertRelatedCard(relatedSlug);
		driver.findElement(By.cssSelector("#article-form button[type=submit].primary")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().contains("?created"));
		long id = Newsdesk.idIn(driver.getCurrentUrl());
		WorkingCopy saved = copies.find(id).orElseThrow();
		assertThat(saved.draft().bodyHtml()).contains("night crossing")
			.contains("<aside class=\"related-card\" data-slug=\"" + relatedSlug + "\"></aside>");
		assertThat(driver.findElements(By.cssSelector("#checks-list li"))).as("nothing blocks publishing").isEmpty();

		editorReadyMillis();
		typeInBody(" Tickets cost the same as by day.");
		await().atMost(Duration.ofSeconds(25)).until(() -> status().startsWith("Saved at"));
		assertThat(copies.find(id).orElseThrow().draft().bodyHtml()).as("autosaved").contains("same as by day");
		WorkingCopy current = copies.find(id).orElseThrow();
		ArticleDraft d = current.draft();
		copies.save(id, new ArticleDraft(d.slug(), d.headline(), "A colleague's better dek.", d.bodyHtml(), d.heroImageId(),
				d.heroAlt(), d.heroCaption(), d.heroCredit(), d.sectionId(), d.authorIds(), d.tagIds(), d.language()),
				current.revision());
		typeInBody(" This sentence meets a conflict.");
		await().atMost(Duration.ofSeconds(25)).until(() -> status().contains("Someone else saved this article at"));
		assertThat(status()).matches("Someone else saved this article at \\d\\d:\\d\\d; reload to see their changes\\..*");
		assertThat(copies.find(id).orElseThrow().draft().dek()).as("never overwritten silently")
			.isEqualTo("A colleague's better dek.");
		driver.get(url("/admin/articles/" + id));
		editorReadyMillis();
		click("Submit for review");
		assertThat(copies.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.IN_REVIEW);

		signIn(editor);
		driver.get(url("/admin/articles/" + id));
		driver.findElement(By.linkText("Send back with a comment")).click();
		driver.findElement(By.id("comment")).sendKeys("Say which piers the night boats call at.");
		click("Send back");
		assertThat(copies.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);

		signIn(author);
		driver.get(url("/admin/articles/" + id));
		System.out.printf("Editor page ready (interactive), saved article, warm: %.0f ms%n", editorReadyMillis());
		assertThat(driver.findElement(By.cssSelector(".review-comment")).getText()).contains("which piers");
		typeInBody(" They call at North Mole and Old Pier.");
		pasteMarkdown("## Getting there\n\nTake the **night** boat from [the port](https://example.org/port).");
		driver.findElement(By.cssSelector("#article-form button[type=submit].primary")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().contains("?saved"));
		assertThat(copies.find(id).orElseThrow().draft().bodyHtml()).contains("North Mole", "<h2>Getting there</h2>",
				"<strong>night</strong>", "href=\"https://example.org/port\"");
		click("Submit for review");

		signIn(editor);
		driver.get(url("/admin/articles/" + id));
		Instant at = Instant.now().plusSeconds(12);
		WebElement publishAt = driver.findElement(By.id("publishAt"));
		String local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
			.format(LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), properties.site().timeZone()));
		js("arguments[0].value = arguments[1]; arguments[0].form.noValidate = true;", publishAt, local);
		click("Schedule");
		await().atMost(Duration.ofSeconds(10)).until(() -> driver.getCurrentUrl().contains("?scheduled"));
		assertThat(copies.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);
		assertThat(driver.findElement(By.cssSelector(".status-box")).getText()).contains("Goes live");

		String slug = copies.find(id).orElseThrow().draft().slug();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
			.until(() -> readerPage("/" + slug + "/").statusCode() == 200);
		assertThat(copies.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
		assertThat(readerPage("/" + slug + "/").body()).contains(headline, "North Mole", "/" + relatedSlug + "/");

		driver.get(url("/admin/articles/" + id));
		driver.findElement(By.linkText("Add a correction or editor's note")).click();
		driver.findElement(By.id("body")).sendKeys("An earlier version said the boats run on Sundays; they do not.");
		click("Publish the note");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> readerPage("/" + slug + "/").body().contains("An earlier version said the boats run on Sundays"));

		driver.get(url("/" + slug + "/"));
		assertThat(driver.findElement(By.linkText("Edit post")).getDomAttribute("href")).isEqualTo("/admin/articles/" + id);
		assertThat(driver.findElement(By.cssSelector(".notes")).getText()).contains("Correction");
		assertThat(readerPage("/" + slug + "/").body()).as("readers never see the staff link").doesNotContain("Edit post");
		for (String page : List.of("/admin/articles", "/admin/articles/" + id + "/revisions",
				"/admin/articles/" + id + "/revisions/1", "/admin/articles/" + id + "/notes/new", "/admin/media",
				"/admin/curation?q=seawall", "/admin/articles/" + id + "/preview")) {
			driver.get(url(page));
			assertNoWcagViolations(page);
		}
		assertThat(severeConsoleErrors()).isEmpty();
	}

	private String status() {
		return driver.findElement(By.id("autosave-status")).getText();
	}

	private void signIn(Credentials staff) {
		driver.manage().deleteAllCookies();
		driver.get(url("/admin/login"));
		driver.findElement(By.id("email")).sendKeys(staff.email());
		driver.findElement(By.id("password")).sendKeys(StaffBrowser.PASSWORD);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> !driver.getCurrentUrl().contains("/login"));
	}

	/** Milliseconds from navigation start to TinyMCE's init callback, once it has come. */
	private double editorReadyMillis() {
		await().atMost(Duration.ofSeconds(15)).until(() -> "true".equals(js("return document.documentElement.dataset.editorReady")));
		return ((Number) js("return window.mastheadEditorReady")).doubleValue();
	}

	private void typeInBody(String text) {
		WebElement frame = driver.findElement(By.cssSelector(".tox-edit-area iframe"));
		js("arguments[0].scrollIntoView({block: 'center'});", frame);
		driver.switchTo().frame(frame);
		WebElement body = driver.findElement(By.id("tinymce"));
		js("document.body.focus(); const r = document.createRange(); r.selectNodeContents(document.body); r.collapse(false);"
				+ " const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);");
		body.sendKeys(text);
		driver.switchTo().defaultContent();
	}

	private void insertRelatedCard(String slug) {
		driver.findElement(By.cssSelector("button[aria-label='Insert a related-article card'], button[title='Insert a related-article card']")).click();
		WebElement dialog = await().atMost(Duration.ofSeconds(5))
			.until(() -> driver.findElements(By.cssSelector(".tox-dialog")).stream().findFirst().orElse(null), d -> d != null);
		dialog.findElement(By.cssSelector("input.tox-textfield")).sendKeys(slug);
		dialog.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().equals("Search")).findFirst().orElseThrow().click();
		await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElement(By.cssSelector(".tox-dialog select")).getText().contains("Seawall"));
		driver.findElements(By.cssSelector(".tox-dialog button")).stream().filter(b -> b.getText().equals("Insert card"))
			.findFirst().orElseThrow().click();
		await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElements(By.cssSelector(".tox-dialog")).isEmpty());
	}

	private void pasteMarkdown(String markdown) {
		driver.findElement(By.cssSelector("button[aria-label='Insert text written in Markdown'], button[title='Insert text written in Markdown']")).click();
		WebElement dialog = await().atMost(Duration.ofSeconds(5))
			.until(() -> driver.findElements(By.cssSelector(".tox-dialog")).stream().findFirst().orElse(null), d -> d != null);
		dialog.findElement(By.tagName("textarea")).sendKeys(markdown);
		dialog.findElements(By.cssSelector("button")).stream().filter(b -> b.getText().equals("Insert")).findFirst().orElseThrow().click();
		await().atMost(Duration.ofSeconds(5)).until(() -> driver.findElements(By.cssSelector(".tox-dialog")).isEmpty());
	}

	private void click(String buttonText) {
		driver.findElements(By.tagName("button")).stream().filter(b -> b.getText().strip().equals(buttonText)).findFirst()
			.orElseThrow(() -> new AssertionError("No button \"" + buttonText + "\" on " + driver.getCurrentUrl()))
			.click();
		await().atMost(Duration.ofSeconds(10)).until(() -> "complete".equals(js("return document.readyState")));
	}

	private void assertNoWcagViolations(String page) {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
		assertThat(results.getErrorMessage()).as("axe-core ran").isNull();
		assertThat(results.getPasses()).as("axe-core checked something").isNotEmpty();
		assertThat(results.getViolations()).as(() -> page + ": " + describe(results.getViolations())).isEmpty();
	}

	private static String describe(List<Rule> violations) {
		return violations.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
			.collect(Collectors.joining("\n"));
	}

	private List<String> severeConsoleErrors() {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(m -> !m.contains("favicon"))
			.filter(m -> !(m.contains("/autosave") && m.contains("409")))
			.toList();
	}

	private HttpResponse<String> readerPage(String path) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private Object js(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}

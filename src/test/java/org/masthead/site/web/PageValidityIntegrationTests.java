package org.masthead.site.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.content.Section;
import org.masthead.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type of reader page, as the server sends it, passes the Nu HTML Checker (the W3C's
 * {@code vnu}) without an error. Warnings are printed, not failed. These check HTML, not SQL, so
 * they run on SQLite only (no {@code sql} tag).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "masthead.demo=true")
class PageValidityIntegrationTests {

	private static HtmlChecker checker;

	@LocalServerPort
	int port;

	@Autowired
	ArticleCatalog catalog;

	@BeforeAll
	static void startChecker() throws Exception {
		checker = new HtmlChecker();
	}

	@TestFactory
	Stream<DynamicTest> everyTypeOfPageIsValidHtml() throws Exception {
		ReaderPageSamples samples = new ReaderPageSamples(this.catalog, this.port);
		return samples.pageTypes().stream().map(page -> DynamicTest.dynamicTest(page.toString(), () -> {
			HttpResponse<String> response = samples.fetch(page);
			assertThat(response.statusCode()).as(page.toString()).isEqualTo(page.status());
			assertValid(checker.checkHtml(page.path(), response.body()));
		}));
	}

	@Test
	void everyArticleAndSectionPageIsValidHtml() throws Exception {
		ReaderPageSamples samples = new ReaderPageSamples(this.catalog, this.port);
		List<String> paths = new ArrayList<>();
		samples.articles().stream().map(ArticleSummary::path).forEach(paths::add);
		this.catalog.sections().stream().map(Section::path).forEach(paths::add);
		assertThat(paths).hasSizeGreaterThanOrEqualTo(20);
		List<String> errors = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		for (String path : paths) {
			HtmlChecker.Report report = checker.checkHtml(path, samples.body(path));
			errors.addAll(report.errors());
			warnings.addAll(report.warnings());
		}
		printWarnings(warnings);
		assertThat(errors).as("HTML errors in %d pages", paths.size()).isEmpty();
	}

	@Test
	void stylesheetIsValidCss() throws Exception {
		String css = new ClassPathResource("static/assets/site.css").getContentAsString(StandardCharsets.UTF_8);
		assertValid(checker.checkCss("site.css", css));
	}

	/** The checker itself: a page with known mistakes must not pass, or the tests above prove nothing. */
	@Test
	void checkerFindsMistakesInABrokenPage() throws Exception {
		String broken = """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"></head>
				<body><main><img src="/x.png"><a href="/a b/">x</a><ul><li><a href="/" aria-current="">y</a></li></ul><li>z</li></main></body></html>
				""";
		HtmlChecker.Report report = checker.checkHtml("broken.html", broken);
		assertThat(String.join("\n", report.errors())).contains("“title”", "“alt”", "“href”", "“li”", "“aria-current”");
	}

	private static void assertValid(HtmlChecker.Report report) {
		printWarnings(report.warnings());
		assertThat(report.errors()).as("errors from the Nu HTML Checker").isEmpty();
	}

	private static void printWarnings(List<String> warnings) {
		warnings.forEach(warning -> System.out.println("vnu warning: " + warning));
	}

}

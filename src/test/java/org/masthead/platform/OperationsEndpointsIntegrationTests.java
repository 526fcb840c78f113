package org.masthead.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.masthead.content.Newsroom;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reaches: probes on the site's port, Prometheus metrics only on the management
 * port, with the meters Masthead adds (page cache, job queue, narration backlog, newsletter deliveries)
 * and Boot's request timings.
 */
@MastheadIntegrationTest
@TestPropertySource(properties = "management.server.port=0")
class OperationsEndpointsIntegrationTests {

	@LocalServerPort
	int sitePort;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Newsroom newsroom;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void probesAnswerOnBothPorts() throws Exception {
		assertThat(managementPort).isNotEqualTo(sitePort);
		for (String path : new String[] { "/livez", "/readyz" }) {
			HttpResponse<String> probe = get(sitePort, path);
			assertThat(probe.statusCode()).as(path).isEqualTo(200);
			assertThat(probe.body()).as(path).contains("\"status\":\"UP\"");
		}
		HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void metricsAreRefusedOnTheSitePortAndServedOnTheManagementPort() throws Exception {
		assertThat(get(sitePort, "/actuator/prometheus").statusCode()).isIn(403, 404);
		assertThat(get(sitePort, "/actuator/env").statusCode()).isIn(403, 404);

		Basics basics = Basics.create(newsroom);
		String slug = TestContent.unique("metrics");
		long id = newsroom.createDraft(basics.draft(slug, "Metered story", "<p>Counted.</p>"));
		newsroom.publish(id, Instant.now());
		double hitsBefore = value(scrape(), "masthead_page_cache_hits_total");
		get(sitePort, "/" + slug + "/");
		get(sitePort, "/" + slug + "/");
		String metrics = scrape();

		assertThat(value(metrics, "masthead_page_cache_hits_total")).isGreaterThanOrEqualTo(hitsBefore + 1);
		assertThat(value(metrics, "masthead_page_cache_misses_total")).isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "masthead_page_cache_hit_ratio")).isBetween(0.0, 1.0);
		assertThat(value(metrics, "masthead_page_cache_pages")).isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "masthead_jobs_due")).isGreaterThanOrEqualTo(0);
		assertThat(value(metrics, "masthead_jobs_running")).isGreaterThanOrEqualTo(0);
		assertThat(value(metrics, "masthead_narration_backlog")).isGreaterThanOrEqualTo(0);
		assertThat(value(metrics, "masthead_newsletter_deliveries_sent_total")).isGreaterThanOrEqualTo(0);
		assertThat(value(metrics, "masthead_newsletter_deliveries_queued")).isGreaterThanOrEqualTo(0);
		assertThat(value(metrics, "masthead_cdn_purge_waiting")).isGreaterThanOrEqualTo(0);
		assertThat(metrics).contains("masthead_cdn_purge_requests_total{outcome=\"accepted\"}",
				"masthead_cdn_purge_requests_total{outcome=\"failed\"}");
		assertThat(metrics).contains("http_server_requests_seconds_count");
	}

	private String scrape() throws Exception {
		HttpResponse<String> response = get(managementPort, "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		return response.body();
	}

	/** The value of an unlabelled sample, failing when the meter is missing or not a number. */
	static double value(String metrics, String name) {
		Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
		assertThat(m.find()).as("meter " + name + " in\n" + metrics.lines().filter(l -> l.startsWith("masthead")).toList())
			.isTrue();
		double value = Double.parseDouble(m.group(1));
		assertThat(Double.isNaN(value)).as(name + " is a number").isFalse();
		return value;
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}

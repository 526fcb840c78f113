package org.masthead.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser for newsroom pages in tests: keeps cookies, does not follow redirects, and sends the
 * CSRF token of the last page it saw with every form. Each browser comes from its own client
 * address (an {@code X-Forwarded-For} documentation address), so sign-in throttling of one test
 * never locks out another.
 */
public final class StaffBrowser {

	public static final String PASSWORD = "correct horse battery staple";

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final Map<String, String> extraHeaders = new LinkedHashMap<>();

	private String clientAddress;

	private String csrf;

	public StaffBrowser(int port) {
		this.port = port;
		int n = ADDRESSES.incrementAndGet();
		this.clientAddress = "203.0." + (113 + (n / 250) % 3) + "." + (1 + n % 250);
	}

	/** Sends later requests as if from this client address. */
	public StaffBrowser from(String address) {
		this.clientAddress = address;
		return this;
	}

	public String clientAddress() {
		return clientAddress;
	}

	/** Adds a header to every later request (e.g. {@code X-Forwarded-Proto: https}). */
	public StaffBrowser header(String name, String value) {
		extraHeaders.put(name, value);
		return this;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** Posts a form with the CSRF token of the last page seen. */
	public Page post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrf != null) {
			fields.putIfAbsent("_csrf", csrf);
		}
		return postExactly(path, fields);
	}

	/** Posts exactly these fields, without adding a CSRF token. */
	public Page postExactly(String path, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Follows a redirect answer with a GET. */
	public Page follow(Page page) {
		String location = page.location();
		if (location == null) {
			throw new AssertionError("Not a redirect: " + page.status() + " " + page.body());
		}
		URI target = URI.create("http://localhost:" + port + "/").resolve(location);
		return get(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
	}

	/** Signs in with email and password; returns the answer to the sign-in form (a redirect). */
	public Page signIn(String email, String password) {
		get("/admin/login");
		return post("/admin/login", Map.of("email", email, "password", password));
	}

	public Optional<String> cookie(String name) {
		return Optional.ofNullable(cookies.get(name));
	}

	public void forgetCookies() {
		cookies.clear();
	}

	public String csrf() {
		return csrf;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private Page send(HttpRequest.Builder request) {
		request.header("X-Forwarded-For", clientAddress);
		extraHeaders.forEach(request::header);
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				String pair = setCookie.split(";", 2)[0];
				String name = pair.substring(0, pair.indexOf('='));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
			Page page = new Page(response.statusCode(), response.body(), response.headers());
			if (page.body().contains("name=\"_csrf\"")) {
				Element input = page.html().selectFirst("input[name=_csrf]");
				if (input != null) {
					csrf = input.attr("value");
				}
			}
			return page;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One answer. */
	public record Page(int status, String body, HttpHeaders headers) {

		public Document html() {
			return Jsoup.parse(body);
		}

		public String location() {
			return headers.firstValue("Location").orElse(null);
		}

		public List<String> setCookies() {
			return headers.allValues("Set-Cookie");
		}

		/** The message shown next to a field, found through its {@code aria-describedby}. */
		public String fieldError(String field) {
			Element error = html().getElementById(field + "-error");
			return error == null ? null : error.text();
		}

	}

}

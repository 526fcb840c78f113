package org.masthead.audio.engine.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.masthead.audio.AudioProperties;
import org.masthead.audio.engine.Commands;
import org.masthead.audio.engine.Installation;
import org.masthead.audio.engine.NarrationEngine;
import org.masthead.audio.engine.SynthesisException;

/**
 * What the cloud voices share: a base URL and credentials from {@code masthead.audio.<name>.*}, a
 * JDK HTTP client with timeouts, and one reading of HTTP answers: 401/403 and other 4xx are the
 * newsroom's to fix (no retry), 429, 5xx, timeouts and network errors are retried later.
 */
abstract class CloudEngine implements NarrationEngine {

	/**
	 * The JSON mapper and HTTP client every cloud engine shares, made at the first request to a cloud
	 * engine (a holder class): the engines are beans of every start, and most newsrooms use none.
	 */
	static final class Shared {

		static final JsonMapper JSON = JsonMapper.builder().build();

		static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private Shared() {
		}

	}

	protected final AudioProperties.Cloud settings;

	private final String lame;

	CloudEngine(AudioProperties.Cloud settings, String lame) {
		this.settings = settings;
		this.lame = lame;
	}

	/** The API's address when {@code base-url} is not set. */
	abstract String defaultBaseUrl();

	@Override
	public Installation installation() {
		if (!settings.isConfigured()) {
			return Installation.missing("set masthead.audio." + name() + ".api-key" + extraSettings());
		}
		if (Commands.find(lame).isEmpty()) {
			return Installation.missing("apt-get install lame");
		}
		return Installation.ready();
	}

	/** More settings the provider needs, named for the admin page. */
	String extraSettings() {
		return "";
	}

	String baseUrl() {
		String base = settings.baseUrl() != null ? settings.baseUrl().toString() : defaultBaseUrl();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	static String json(Map<String, ?> body) {
		return Shared.JSON.writeValueAsString(body);
	}

	/** Sends a request and returns the body of a 2xx answer. */
	byte[] send(HttpRequest.Builder request, String body, Duration timeout) throws SynthesisException {
		HttpRequest built = request.timeout(min(timeout, settings.timeout()))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<byte[]> response;
		try {
			response = Shared.HTTP.send(built, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (HttpTimeoutException ex) {
			throw new SynthesisException(name() + " did not answer within " + min(timeout, settings.timeout()).toSeconds() + " s", true, ex);
		}
		catch (IOException ex) {
			throw new SynthesisException(name() + " could not be reached: " + ex.getMessage(), true, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SynthesisException(name() + " request interrupted", true, ex);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response.body();
		}
		String detail = new String(response.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
		detail = detail.length() > 200 ? detail.substring(0, 200) : detail;
		if (status == 401 || status == 403) {
			throw new SynthesisException(name() + " refused the credentials (HTTP " + status + "): " + detail, false);
		}
		boolean retryable = status == 408 || status == 429 || status >= 500;
		throw new SynthesisException(name() + " answered HTTP " + status + ": " + detail, retryable);
	}

	static HttpRequest.Builder post(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "Masthead");
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	/** The language part of a voice name such as {@code en-US-JennyNeural}, or en-US. */
	static String languageOf(String voice) {
		String[] parts = voice.split("-");
		return parts.length >= 2 && parts[0].matches("[a-z]{2,3}") && parts[1].matches("[A-Z]{2}") ? parts[0] + "-" + parts[1]
				: "en-US";
	}

}

package org.masthead.site.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.platform.MastheadProperties;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers anonymous GETs of reader pages from {@link PageCache} before any other filter (the
 * security chain included) runs. A request carrying the staff session cookie always goes through,
 * so staff-only markup ("Edit post") is never stored or served to readers.
 */
public class PageCacheFilter implements Filter {

	/** Only plain paths are cached; anything with odd characters goes through the normal chain. */
	private static final Pattern CACHEABLE_PATH = Pattern.compile("/[a-z0-9/._-]{0,300}");

	private static final Set<String> NOT_REPLAYED = Set.of("content-length", "date", "etag", "vary",
			"transfer-encoding", "cache-control", "surrogate-key", "content-type", "keep-alive", "connection");

	/** RFC 9110 If-None-Match: "*" or a list of (weak) entity tags. */
	private static final Pattern IF_NONE_MATCH = Pattern
		.compile("\\s*(\\*|(W/)?\"[\\x21\\x23-\\x7E]*\"(\\s*,\\s*(W/)?\"[\\x21\\x23-\\x7E]*\")*)\\s*");

	/** Longest query string a reader page accepts; longer ones get a 414 page. */
	static final int MAX_QUERY_LENGTH = 2048;

	private final PageCache cache;

	private final String staffCookie;

	private final String cacheControl;

	private final boolean enabled;

	private final RenderGate gate;

	public PageCacheFilter(PageCache cache, MastheadProperties properties, String staffCookie,
			RenderProperties render) {
		this.cache = cache;
		this.gate = new RenderGate(render);
		this.staffCookie = staffCookie + "=";
		this.enabled = properties.cache().enabled();
		this.cacheControl = "public, max-age=0, must-revalidate, s-maxage=" + properties.cache().sharedMaxAgeSeconds()
				+ ", stale-while-revalidate=" + properties.cache().staleWhileRevalidateSeconds();
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		String query = request.getQueryString();
		// the search page reads long queries itself and answers with a results page and a note
		if (query != null && query.length() > MAX_QUERY_LENGTH && !"/search".equals(request.getRequestURI())) {
			response.sendError(414, "The address is too long.");
			return;
		}
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null && (ifNoneMatch.length() > 2000 || !IF_NONE_MATCH.matcher(ifNoneMatch).matches())) {
			response.sendError(400, "The If-None-Match header is not a list of entity tags.");
			return;
		}
		String method = request.getMethod();
		boolean head = "HEAD".equals(method);
		String path = request.getRequestURI();
		if (!(head || "GET".equals(method)) || !isReaderPath(path)) {
			chain.doFilter(request, response);
			return;
		}
		if (!enabled || query != null || isStaff(request)) {
			gate.render(request, response, chain);
			return;
		}
		CachedPage page = cache.get(path);
		if (page != null) {
			write(request, response, path, page, head, true);
			return;
		}
		long generation = cache.generation();
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		gate.render(request, capture, chain);
		if (capture.getStatus() != 200 || !PageDependencies.isDeclared(request)
				|| capture.getHeader("Set-Cookie") != null || capture.getContentType() == null) {
			capture.copyBodyToResponse();
			return;
		}
		byte[] plain = capture.getContentAsByteArray();
		page = build(capture, plain, PageDependencies.keysOf(request));
		cache.put(path, page, generation);
		capture.resetBuffer();
		write(request, response, path, page.withPlain(plain), head, false);
	}

	private boolean isStaff(HttpServletRequest request) {
		String cookies = request.getHeader("Cookie");
		return cookies != null && cookies.contains(staffCookie);
	}

	static boolean isReaderPath(String path) {
		return CACHEABLE_PATH.matcher(path).matches() && !path.contains("..") && !path.startsWith("/admin")
				&& !path.startsWith("/api/admin") && !path.startsWith("/actuator") && !path.startsWith("/media/")
				&& !path.startsWith("/assets/") && !path.startsWith("/error") && !path.startsWith("/login")
				&& !path.equals("/news-feed/events"); // a Server-Sent Events stream is never buffered
	}

	private CachedPage build(ContentCachingResponseWrapper capture, byte[] plain, Set<String> keys) throws IOException {
		List<CachedPage.Header> headers = new ArrayList<>();
		for (String name : capture.getHeaderNames()) {
			if (!NOT_REPLAYED.contains(name.toLowerCase())) {
				for (String value : capture.getHeaders(name)) {
					headers.add(new CachedPage.Header(name, value));
				}
			}
		}
		headers.add(new CachedPage.Header("Cache-Control", cacheControl));
		headers.add(new CachedPage.Header("Surrogate-Key", String.join(" ", keys)));
		return new CachedPage(null, gzip(plain), etag(plain), capture.getContentType(), List.copyOf(headers),
				Set.copyOf(keys));
	}

	private void write(HttpServletRequest request, HttpServletResponse response, String path, CachedPage page,
			boolean head, boolean replayHeaders) throws IOException {
		if (replayHeaders) {
			for (CachedPage.Header header : page.headers()) {
				response.addHeader(header.name(), header.value());
			}
		}
		else {
			response.setHeader("Cache-Control", cacheControl);
			response.setHeader("Surrogate-Key", String.join(" ", page.keys()));
		}
		response.setContentType(page.contentType());
		response.setHeader("Vary", "Accept-Encoding");
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null && matches(ifNoneMatch, page)) {
			response.setHeader("ETag", acceptsGzip(request) ? page.gzipEtag() : page.etag());
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] body;
		if (acceptsGzip(request)) {
			response.setHeader("Content-Encoding", "gzip");
			response.setHeader("ETag", page.gzipEtag());
			body = page.gzipped();
		}
		else {
			response.setHeader("ETag", page.etag());
			body = cache.plain(path, page);
		}
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

	private static boolean matches(String ifNoneMatch, CachedPage page) {
		if (ifNoneMatch.trim().equals("*")) {
			return true;
		}
		for (String tag : ifNoneMatch.split(",")) {
			String t = tag.trim();
			if (t.startsWith("W/")) {
				t = t.substring(2);
			}
			if (t.equals(page.etag()) || t.equals(page.gzipEtag())) {
				return true;
			}
		}
		return false;
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		String accept = request.getHeader("Accept-Encoding");
		return accept != null && accept.contains("gzip");
	}

	private static byte[] gzip(byte[] plain) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
		try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
			gz.write(plain);
		}
		return out.toByteArray();
	}

	private static String etag(byte[] plain) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

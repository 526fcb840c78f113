package org.masthead.site.api;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests per client address and minute for the Content API, as a token bucket refilled
 * continuously: a client may burst up to the limit, then gets 429 problem JSON with
 * {@code Retry-After}. Buckets live in this node's memory (a few hundred bytes per address, idle
 * ones forgotten after ten minutes); on several nodes each allows the limit.
 */
class ContentApiRateLimit extends OncePerRequestFilter {

	private final int perMinute;

	private final double perNano;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	ContentApiRateLimit(int perMinute) {
		this.perMinute = perMinute;
		this.perNano = perMinute / 60e9;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if ("OPTIONS".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		Bucket bucket = buckets.get(request.getRemoteAddr(), k -> new Bucket(perMinute, System.nanoTime()));
		long waitSeconds;
		int left;
		synchronized (bucket) {
			long now = System.nanoTime();
			bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perNano);
			bucket.at = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				waitSeconds = 0;
			}
			else {
				waitSeconds = (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9);
			}
			left = (int) bucket.tokens;
		}
		// Public answers that caches must revalidate (cheap with the ETag); set before security's
		// default "no-store", which would also stop the ETag from being computed
		response.setHeader("Cache-Control", "public, no-cache");
		response.setHeader("X-RateLimit-Limit", Integer.toString(perMinute));
		response.setHeader("X-RateLimit-Remaining", Integer.toString(left));
		if (waitSeconds > 0) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(waitSeconds));
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"urn:masthead:problem:rate-limit.exceeded\",\"title\":\"Too Many Requests\","
					+ "\"status\":429,\"detail\":\"More than " + perMinute + " requests a minute from one address. Try again in "
					+ waitSeconds + " s.\",\"code\":\"rate-limit.exceeded\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	private static final class Bucket {

		double tokens;

		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

	}

}

package org.masthead.site.api;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ContentApiRateLimitTests {

	private final ContentApiRateLimit limit = new ContentApiRateLimit(3);

	@Test
	void aClientGetsItsBurstThen429WithRetryAfterWhileOthersGoOn() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(call("198.51.100.1").getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = call("198.51.100.1");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		assertThat(refused.getContentAsString()).contains("\"code\":\"rate-limit.exceeded\"");
		assertThat(call("198.51.100.2").getStatus()).as("another address has its own bucket").isEqualTo(200);
	}

	private MockHttpServletResponse call(String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/content/articles");
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		return response;
	}

}

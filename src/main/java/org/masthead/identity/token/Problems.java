package org.masthead.identity.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * RFC 7807 problem responses for the Admin API's sign-in errors, with a stable {@code code} that
 * clients (and tests) rely on rather than the wording.
 */
public final class Problems {

	public static final String MISSING_TOKEN = "auth.missing-token";

	public static final String INVALID_TOKEN = "auth.invalid-token";

	public static final String FORBIDDEN = "auth.forbidden";

	private Problems() {
	}

	public static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
			String title, String detail) throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Cache-Control", "no-store");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", MISSING_TOKEN.equals(code) ? "Bearer realm=\"masthead\""
					: "Bearer realm=\"masthead\", error=\"invalid_token\"");
		}
		String json = "{\"type\":\"about:blank\",\"title\":" + quote(title) + ",\"status\":" + status + ",\"detail\":"
				+ quote(detail) + ",\"instance\":" + quote(request.getRequestURI()) + ",\"code\":" + quote(code) + "}";
		response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
	}

	static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}

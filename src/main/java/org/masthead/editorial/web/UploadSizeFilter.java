package org.masthead.editorial.web;

import java.io.IOException;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.editorial.web.NewsroomViews.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload to the media library that announces more bytes than the container accepts,
 * before anything reads it. Without this, the CSRF check reads the form, the container gives up
 * on the too-large body, and the newsroom sees a bare error page instead of a reason.
 * Runs before the security filters (their order is -100).
 */
@Component
@Order(-200)
class UploadSizeFilter extends OncePerRequestFilter {

	private final TemplateEngine templates;

	private final long maxRequestBytes;

	UploadSizeFilter(TemplateEngine templates,
			@Value("${spring.servlet.multipart.max-request-size:22MB}") DataSize maxRequestSize) {
		this.templates = templates;
		this.maxRequestBytes = maxRequestSize.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !"/admin/media".equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() <= maxRequestBytes) {
			chain.doFilter(request, response);
			return;
		}
		AdminPage page = new AdminPage("File too large", null, "_csrf", "X-CSRF-TOKEN", "", "media", null);
		StringOutput html = new StringOutput();
		templates.render("admin/editorial/message.jte", Map.of("message", new Message(page,
				UploadLimit.MESSAGE + " Make it smaller and upload it again.", "/admin/media", "Back to the media library")), html);
		response.setStatus(413);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Cache-Control", "no-store");
		response.getWriter().write(html.toString());
	}

}

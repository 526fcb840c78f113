package org.masthead.site.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * jte views that render the whole page into UTF-8 bytes first and hand them to the response in
 * one write. The starter's view writes each piece of a template to the response's writer as it
 * goes: an article page is some thousands of small writes, and each passed through the response
 * wrappers of Spring Security and Spring Session (which check the content length against the
 * buffer size on every write) and through the servlet writer's character encoder, about a tenth of
 * an uncached page's CPU. The page is held in the response buffer until it is complete anyway
 * (see the page cache's render turns).
 * <p>
 * Each piece is encoded to UTF-8 as it is written ({@link Utf8ByteOutput}), which for the ASCII
 * pieces that make up nearly all of a page is a plain copy. Collecting the page as one string
 * first made it a UTF-16 string as soon as one curly quote or dash appeared, and encoding those
 * 25,000-odd characters one by one was about 8% of an uncached article page's CPU samples (JFR).
 */
@Configuration(proxyBeanMethods = false)
class WholePageViews {

	/** Replaces the starter's resolver (it backs off when one is defined); same settings. */
	@Bean
	JteViewResolver jteViewResolver(TemplateEngine templates, JteProperties properties) {
		return new JteViewResolver(templates, properties) {
			@Override
			protected AbstractUrlBasedView instantiateView() {
				return new WholePageView(templates);
			}
		};
	}

	/** A jte view that writes its page once. */
	static final class WholePageView extends JteView {

		/** Pieces an article page is written in, and a bit; the list grows beyond it. */
		private static final int INITIAL_PIECES = 2048;

		private final TemplateEngine templates;

		WholePageView(TemplateEngine templates) {
			super(templates);
			this.templates = templates;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Utf8ByteOutput page = new Utf8ByteOutput(INITIAL_PIECES);
			templates.render(getUrl(), model, page);
			byte[] bytes = page.toByteArray();
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			jakarta.servlet.ServletOutputStream out;
			try {
				out = response.getOutputStream();
			}
			catch (IllegalStateException writerInUse) {
				// something before the view took the writer (an error page): the page goes there
				response.getWriter().write(new String(bytes, StandardCharsets.UTF_8));
				return;
			}
			response.setContentLength(bytes.length);
			out.write(bytes);
		}

	}

}

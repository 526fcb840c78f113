package org.masthead.site.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class WholePageViewsTests {

	private static final List<String> ITEMS = IntStream.range(0, 500).mapToObj(i -> "Київ — «" + i + "» & <b> 📰").toList();

	@Test
	void writesTheWholePageOnceInUtf8WithItsLength(@TempDir Path dir) throws Exception {
		WholePageViews.WholePageView view = view(dir);
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicInteger writes = new AtomicInteger();
		view.renderMergedTemplateModel(Map.of("items", ITEMS), new MockHttpServletRequest(),
				new CountingWrites(response, writes));

		String expected = expected();
		byte[] body = response.getContentAsByteArray();
		assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(response.getContentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length)
			.isEqualTo(body.length);
		assertThat(response.getCharacterEncoding()).isEqualTo("UTF-8");
		assertThat(writes).as("writes to the response").hasValue(1);
	}

	@Test
	void writesThroughTheWriterWhenSomethingTookItBefore(@TempDir Path dir) throws Exception {
		WholePageViews.WholePageView view = view(dir);
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setCharacterEncoding("UTF-8");
		response.getWriter(); // an error page, say, after a handler took the writer
		view.renderMergedTemplateModel(Map.of("items", ITEMS), new MockHttpServletRequest(), response);
		assertThat(response.getContentAsString()).isEqualTo(expected());
	}

	private static String expected() {
		StringBuilder page = new StringBuilder("<ul>");
		ITEMS.forEach(item -> page.append("<li>").append(item.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
			.append("</li>"));
		return page.append("</ul>").toString();
	}

	/** A template of many small pieces, compiled from a temporary directory. */
	private static WholePageViews.WholePageView view(Path dir) throws IOException {
		Path templates = Files.createDirectories(dir.resolve("jte"));
		Files.writeString(templates.resolve("page.jte"),
				"@param java.util.List<String> items\n<ul>@for(String item : items)<li>${item}</li>@endfor</ul>",
				StandardCharsets.UTF_8);
		TemplateEngine engine = TemplateEngine.create(new DirectoryCodeResolver(templates), dir.resolve("classes"),
				ContentType.Html, WholePageViewsTests.class.getClassLoader());
		WholePageViews.WholePageView view = new WholePageViews.WholePageView(engine);
		view.setUrl("page.jte");
		return view;
	}

	/** Counts the writes that reach the response's output stream. */
	private static final class CountingWrites extends HttpServletResponseWrapper {

		private final MockHttpServletResponse response;

		private final AtomicInteger writes;

		CountingWrites(MockHttpServletResponse response, AtomicInteger writes) {
			super(response);
			this.response = response;
			this.writes = writes;
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			ServletOutputStream out = response.getOutputStream();
			return new ServletOutputStream() {
				@Override
				public void write(int b) throws IOException {
					writes.incrementAndGet();
					out.write(b);
				}

				@Override
				public void write(byte[] b, int off, int len) throws IOException {
					writes.incrementAndGet();
					out.write(b, off, len);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
				}
			};
		}

	}

}

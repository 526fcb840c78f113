package org.masthead.site.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker ({@code vnu}) running in the test JVM, with the schemas bundled in its jar:
 * nothing is fetched from the network. Not thread-safe; one checker answers one check at a time.
 */
final class HtmlChecker {

	/** The schema the {@code vnu} command line uses for HTML: HTML with SVG, MathML, ARIA, RDFa Lite. */
	private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

	/** What the checker said about one document; each message names the document, line and column. */
	record Report(List<String> errors, List<String> warnings) {
	}

	private final Collector collector = new Collector();

	private final SimpleDocumentValidator validator;

	HtmlChecker() throws Exception {
		// (no log4j setup, no URL logging, no language detection: that last one guesses a page's
		// language from its text and would warn about short pages)
		this.validator = new SimpleDocumentValidator(false, false, false);
		this.validator.setUpMainSchema(HTML_SCHEMA, this.collector);
		this.validator.setUpValidatorAndParsers(this.collector, true, false);
	}

	Report checkHtml(String name, String html) throws Exception {
		return check(name, html, false);
	}

	Report checkCss(String name, String css) throws Exception {
		return check(name, css, true);
	}

	private Report check(String name, String text, boolean css) throws Exception {
		this.collector.start(name, text);
		InputSource input = new InputSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
		input.setEncoding("UTF-8");
		input.setSystemId(name);
		if (css) {
			this.validator.checkCssInputSource(input);
		}
		else {
			this.validator.checkHtmlInputSource(input);
		}
		return new Report(List.copyOf(this.collector.errors), List.copyOf(this.collector.warnings));
	}

	private static final class Collector implements ErrorHandler {

		private final List<String> errors = new ArrayList<>();

		private final List<String> warnings = new ArrayList<>();

		private String name = "";

		private String[] lines = new String[0];

		void start(String name, String text) {
			this.name = name;
			this.lines = text.split("\n", -1);
			this.errors.clear();
			this.warnings.clear();
		}

		@Override
		public void warning(SAXParseException ex) {
			this.warnings.add(describe(ex));
		}

		@Override
		public void error(SAXParseException ex) {
			this.errors.add(describe(ex));
		}

		@Override
		public void fatalError(SAXParseException ex) {
			this.errors.add(describe(ex));
		}

		private String describe(SAXParseException ex) {
			int line = ex.getLineNumber();
			int column = ex.getColumnNumber();
			String where = line > 0 ? this.name + ":" + line + ":" + column : this.name;
			String message = where + ": " + ex.getMessage();
			if (line > 0 && line <= this.lines.length) {
				String source = this.lines[line - 1];
				int at = Math.max(0, Math.min(source.length(), column));
				int tag = source.lastIndexOf('<', Math.max(0, at - 1));
				int from = tag >= 0 && at - tag <= 300 ? tag : Math.max(0, at - 120);
				message += "\n      near: " + source.substring(from, at).strip();
			}
			return message;
		}

	}

}

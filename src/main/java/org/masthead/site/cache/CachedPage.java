package org.masthead.site.cache;

import java.util.List;
import java.util.Set;

/**
 * The final bytes of a page, gzip-compressed, with the headers to replay and the content keys the
 * page was built from. The plain bytes are four times larger and nearly every reader's browser
 * asks for gzip, so they are kept only once a client that does not accept gzip has asked for this
 * page ({@link PageCache#plain}); until then {@code plain} is null.
 */
record CachedPage(byte[] plain, byte[] gzipped, String etag, String contentType, List<Header> headers,
		Set<String> keys) {

	record Header(String name, String value) {
	}

	String gzipEtag() {
		return etag.substring(0, etag.length() - 1) + "-gz\"";
	}

	CachedPage withPlain(byte[] plain) {
		return new CachedPage(plain, gzipped, etag, contentType, headers, keys);
	}

}

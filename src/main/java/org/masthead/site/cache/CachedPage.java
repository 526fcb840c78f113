package org.masthead.site.cache;

import java.util.List;
import java.util.Set;

/**
 * The final bytes of a page, plain and gzip-compressed, with the headers to replay and the
 * content keys the page was built from.
 */
record CachedPage(byte[] plain, byte[] gzipped, String etag, String contentType, List<Header> headers,
		Set<String> keys) {

	record Header(String name, String value) {
	}

	String gzipEtag() {
		return etag.substring(0, etag.length() - 1) + "-gz\"";
	}

}

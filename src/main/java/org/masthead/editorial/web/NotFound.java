package org.masthead.editorial.web;

/** A newsroom address that names nothing (a revision, a picture): answered with a 404 page. */
class NotFound extends RuntimeException {

	NotFound(String message) {
		super(message, null, false, false);
	}

}

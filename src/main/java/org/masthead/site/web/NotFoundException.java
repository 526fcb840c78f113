package org.masthead.site.web;

/** The reader asked for something that does not exist (or is not live): answered with the 404 page. */
class NotFoundException extends RuntimeException {

	NotFoundException(String what) {
		super(what, null, false, false);
	}

}

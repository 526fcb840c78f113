package org.masthead.audio.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An unknown article or lexicon entry in a newsroom URL. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFound extends RuntimeException {

	NotFound(String message) {
		super(message);
	}

}

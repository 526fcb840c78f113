package org.masthead.platform;

import java.io.IOException;

/**
 * The media storage could not be reached or refused the request (network down, credentials
 * rejected, bucket missing). Uploads turn it into a clear "try again" message; nothing is lost
 * but the upload itself.
 */
public class MediaStorageUnavailableException extends IOException {

	public MediaStorageUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}

package org.masthead.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Creates {@code masthead.data-dir} before the SQLite data source opens its file there, so a
 * fresh checkout starts without any manual step.
 */
public class DataDirectoryPreparer implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		String dir = event.getEnvironment().getProperty("masthead.data-dir", "./data");
		try {
			Files.createDirectories(Path.of(dir));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dir, ex);
		}
	}

}

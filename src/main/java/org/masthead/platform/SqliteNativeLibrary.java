package org.masthead.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.sqlite.util.OSInfo;

/**
 * Unpacks SQLite's native library for this machine into a folder, for {@code bin/masthead}, which
 * runs it once per build and then starts the server with {@code -Dorg.sqlite.lib.path} and
 * {@code -Dorg.sqlite.lib.name} pointing at it. Without them the driver copies the library out of
 * its jar into the temporary folder at every start (about 0.1 s, and it cannot load from a
 * {@code /tmp} mounted {@code noexec}). Prints the library's file name; exits with 1, printing why,
 * when the driver has no library for this machine, and {@code bin/masthead} then leaves the driver
 * to its own way.
 */
public final class SqliteNativeLibrary {

	private SqliteNativeLibrary() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: SqliteNativeLibrary FOLDER");
			System.exit(2);
		}
		Path folder = Path.of(args[0]);
		String name = System.mapLibraryName("sqlitejdbc");
		String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
		try (InputStream in = OSInfo.class.getResourceAsStream(resource)) {
			if (in == null) {
				System.err.println("the SQLite driver has no " + resource);
				System.exit(1);
			}
			Files.createDirectories(folder);
			Path partial = Files.createTempFile(folder, ".partial-", "");
			Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		System.out.println(name);
	}

}

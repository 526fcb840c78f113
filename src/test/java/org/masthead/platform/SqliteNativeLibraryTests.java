package org.masthead.platform;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

import static org.assertj.core.api.Assertions.assertThat;

/** What bin/masthead unpacks once per build is the driver's own library for this machine, whole. */
class SqliteNativeLibraryTests {

	@Test
	void unpacksTheDriversLibraryForThisMachine(@TempDir Path folder) throws Exception {
		Path target = folder.resolve("native");
		SqliteNativeLibrary.main(new String[] { target.toString() });

		String name = System.mapLibraryName("sqlitejdbc");
		Path unpacked = target.resolve(name);
		assertThat(unpacked).isRegularFile();
		try (InputStream original = OSInfo.class
			.getResourceAsStream("/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name)) {
			assertThat(original).as("the driver's library for this machine").isNotNull();
			assertThat(Files.readAllBytes(unpacked)).isEqualTo(original.readAllBytes());
		}
		try (var files = Files.list(target)) {
			assertThat(files).as("no partial file left").containsExactly(unpacked);
		}
	}

	@Test
	void unpackingAgainReplacesTheFile(@TempDir Path folder) throws Exception {
		SqliteNativeLibrary.main(new String[] { folder.toString() });
		Path unpacked = folder.resolve(System.mapLibraryName("sqlitejdbc"));
		Files.writeString(unpacked, "truncated");
		SqliteNativeLibrary.main(new String[] { folder.toString() });
		assertThat(Files.size(unpacked)).isGreaterThan(100_000);
	}

}

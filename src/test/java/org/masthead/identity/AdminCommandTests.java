package org.masthead.identity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.MastheadApplication;
import org.masthead.identity.account.SecretTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar masthead.jar admin ...}: clear errors for bad input, and the real commands on a fresh SQLite file. */
class AdminCommandTests {

	@TempDir
	Path dataDir;

	@Test
	void createsTheOwnerAndAnApiTokenThenRefusesASecondOwner() throws Exception {
		Run owner = run("correct horse battery staple\n", "admin", "create-owner", "--email", "Owner@Ledger.test", "--name",
				"Olena Kovalenko", "--password-stdin", "--masthead.data-dir=" + dataDir);
		assertThat(owner.code()).as(owner.err()).isZero();
		assertThat(owner.err()).contains("Owner account created for owner@ledger.test");
		assertThat(owner.out()).isEmpty();

		Run token = run("", "admin", "create-api-token", "--name", "Wire import", "--role", "editor",
				"--masthead.data-dir=" + dataDir);
		assertThat(token.code()).as(token.err()).isZero();
		String secret = token.out().strip();
		assertThat(secret).startsWith("mh_").doesNotContain("\n");
		assertThat(token.err()).contains("Editor", "shown only this once");

		try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("masthead.db"))) {
			ResultSet staff = db.createStatement().executeQuery("select email, role, password_hash from staff_member");
			assertThat(staff.next()).isTrue();
			assertThat(staff.getString("email")).isEqualTo("owner@ledger.test");
			assertThat(staff.getString("role")).isEqualTo("ADMINISTRATOR");
			assertThat(staff.getString("password_hash")).startsWith("{argon2}$argon2id$");
			ResultSet tokens = db.createStatement().executeQuery("select token_hash, role, created_by from api_token");
			assertThat(tokens.next()).isTrue();
			assertThat(tokens.getString("token_hash")).isEqualTo(SecretTokens.sha256Hex(secret));
			assertThat(tokens.getString("role")).isEqualTo("EDITOR");
		}

		Run second = run("another long password\n", "admin", "create-owner", "--email", "second@ledger.test", "--name",
				"Second", "--password-stdin", "--masthead.data-dir=" + dataDir);
		assertThat(second.code()).isEqualTo(1);
		assertThat(second.err()).contains("owner account exists already");
	}

	@Test
	void badInputIsExplainedWithoutStartingAnything() {
		assertUsage(run("", "admin"), "name a command");
		assertUsage(run("", "admin", "drop-database"), "unknown command 'drop-database'");
		assertUsage(run("", "admin", "create-owner", "--email"), "--email needs a value");
		assertUsage(run("", "admin", "create-owner", "--emial", "x@y.z"), "unknown option '--emial'");
		assertUsage(run("", "admin", "create-owner", "--email", "a@b.c", "--name", "N", "--password-stdin"),
				"nothing on standard input");
		assertUsage(run("", "admin", "create-api-token", "--name", "A", "--name", "B", "--role", "editor"), "given twice");
		assertUsage(run("", "admin", "create-api-token", "--name", "Bot"), "--role is required");
		assertUsage(run("", "admin", "create-api-token", "--name", "Bot", "--role", "owner"), "unknown role");
		assertUsage(run("", "admin", "create-api-token", "--name", "x".repeat(101), "--role", "editor"), "at most 100");
		assertUsage(run("short\n", "admin", "create-owner", "--email", "a@b.example", "--name", "Ola", "--password-stdin"),
				"at least 12 characters");
		assertUsage(run("correct horse battery staple\n", "admin", "create-owner", "--email", "a@b.c\r\nBcc: x@y.z",
				"--name", "Ola", "--password-stdin"), "one email address");
		assertUsage(run("correct horse battery staple\n", "admin", "create-owner", "--email", "a@b.example", "--name",
				"Ola\nEvil", "--password-stdin"), "line breaks");
		assertThat(Files.exists(dataDir.resolve("masthead.db"))).as("nothing started").isFalse();

		Run help = run("", "admin", "help");
		assertThat(help.code()).isZero();
		assertThat(help.out()).contains("create-owner", "create-api-token");
	}

	private static void assertUsage(Run run, String message) {
		assertThat(run.code()).as(run.err()).isEqualTo(2);
		assertThat(run.err()).contains(message);
	}

	record Run(int code, String out, String err) {
	}

	private Run run(String stdin, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String[] withDataDir = args;
		int code = AdminCommand.run(MastheadApplication.class, withDataDir,
				new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true),
				new PrintStream(err, true));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}

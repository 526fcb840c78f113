package org.masthead.identity.cli;

import java.io.PrintStream;
import java.util.Map;

import org.masthead.identity.Role;
import org.masthead.identity.account.EmailAddresses;
import org.masthead.identity.account.PasswordPolicy;
import org.masthead.identity.account.StaffAccounts;
import org.masthead.identity.account.StaffNames;
import org.masthead.identity.token.ApiTokens;
import org.springframework.stereotype.Component;

/**
 * Carries out an {@code admin} command inside the started application (see
 * {@link org.masthead.identity.AdminCommand}). Output meant for scripts (the token) goes alone to
 * standard output; everything else to standard error.
 */
@Component
public class AdminCommandRunner {

	private final StaffAccounts accounts;

	private final ApiTokens tokens;

	AdminCommandRunner(StaffAccounts accounts, ApiTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	/** What is wrong with the options before anything starts, or null. */
	public static String check(String command, Map<String, String> options) {
		return switch (command) {
			case "create-owner" -> {
				for (String required : new String[] { "email", "name", "password-stdin" }) {
					if (!options.containsKey(required)) {
						yield "--" + required + " is required.";
					}
				}
				String problem = EmailAddresses.problem(options.get("email"));
				if (problem == null) {
					problem = StaffNames.problem(options.get("name"));
				}
				if (problem == null) {
					problem = PasswordPolicy.problem(options.get("password-stdin"), options.get("email"));
				}
				yield problem == null ? null : problem + " (" + fieldOf(options, problem) + ")";
			}
			case "create-api-token" -> {
				if (!options.containsKey("name")) {
					yield "--name is required.";
				}
				if (!options.containsKey("role")) {
					yield "--role is required (contributor, author, editor or administrator).";
				}
				if (ApiTokens.nameProblem(options.get("name")) != null) {
					yield ApiTokens.nameProblem(options.get("name")) + " (--name)";
				}
				if (Role.parse(options.get("role")) == null) {
					yield "unknown role; use contributor, author, editor or administrator.";
				}
				if (options.containsKey("email") || options.containsKey("password-stdin")) {
					yield "create-api-token takes only --name and --role.";
				}
				yield null;
			}
			default -> "unknown command.";
		};
	}

	/** Runs a checked command; returns the exit code. */
	public int execute(String command, Map<String, String> options, PrintStream out, PrintStream err) {
		String problem = check(command, options);
		if (problem != null) {
			err.println("masthead admin " + command + ": " + problem);
			return 2;
		}
		if (command.equals("create-owner")) {
			StaffAccounts.Result result = accounts.createOwner(options.get("email"), options.get("name"),
					options.get("password-stdin"));
			if (!result.isOk()) {
				err.println("masthead admin create-owner: " + String.join(" ", result.errors().asMap().values()));
				return 1;
			}
			err.println("Owner account created for " + EmailAddresses.normalise(options.get("email"))
					+ ". Sign in at /admin/login.");
			return 0;
		}
		ApiTokens.Created created = tokens.create(options.get("name"), options.get("role"), null);
		if (!created.isOk()) {
			err.println("masthead admin create-api-token: " + String.join(" ", created.errors().asMap().values()));
			return 2;
		}
		out.println(created.secret());
		err.println("API token \"" + options.get("name").strip() + "\" created with role "
				+ Role.parse(options.get("role")).label() + ". It is shown only this once.");
		return 0;
	}

	private static String fieldOf(Map<String, String> options, String problem) {
		if (problem.equals(EmailAddresses.problem(options.get("email")))) {
			return "--email";
		}
		if (problem.equals(StaffNames.problem(options.get("name")))) {
			return "--name";
		}
		return "password on standard input";
	}

}

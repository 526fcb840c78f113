package org.masthead.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips database tests of the PostgreSQL run, before any application context is started, when
 * the server is not reachable, and says how to provide it. With
 * {@code MASTHEAD_REQUIRE_COMPONENTS=true} the tests run and fail instead.
 */
public class DatabaseCondition implements ExecutionCondition {

	private static volatile Boolean available;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!TestDatabase.isPostgres() || Components.required()) {
			return ConditionEvaluationResult.enabled("database available or required");
		}
		if (available == null) {
			available = TestDatabase.postgresAvailable();
		}
		return available ? ConditionEvaluationResult.enabled("PostgreSQL reachable")
				: ConditionEvaluationResult.disabled("PostgreSQL is not available at " + TestDatabase.PG_URL
						+ " (user " + TestDatabase.PG_USER + "): install and start it and create a role with CREATEDB,"
						+ " or set MASTHEAD_TEST_PG_URL/_USER/_PASSWORD");
	}

}

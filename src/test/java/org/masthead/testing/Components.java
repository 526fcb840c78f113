package org.masthead.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a component installed on the machine (PostgreSQL, Chromium, Festival...) skip
 * with a clear message when it is missing, unless {@code MASTHEAD_REQUIRE_COMPONENTS=true}
 * (set by {@code .ci/run}), where a missing component fails the test.
 */
public final class Components {

	private Components() {
	}

	public static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("MASTHEAD_REQUIRE_COMPONENTS"));
	}

	public static void assume(boolean available, String component, String howToInstall) {
		String message = component + " is not available: " + howToInstall;
		if (required()) {
			Assertions.assertTrue(available, message + " (MASTHEAD_REQUIRE_COMPONENTS=true)");
		}
		else {
			Assumptions.assumeTrue(available, message);
		}
	}

}

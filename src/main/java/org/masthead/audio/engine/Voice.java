package org.masthead.audio.engine;

import java.util.regex.Pattern;

/**
 * A voice of an engine, written {@code engine:name}, e.g. {@code festival:cmu_us_slt_arctic_hts},
 * {@code flite:slt}, {@code polly:Joanna}. Names are restricted to letters, digits, dots, dashes and
 * underscores, so a voice can never carry syntax into a command line or a request.
 */
public record Voice(String engine, String name) {

	private static final Pattern ENGINE = Pattern.compile("[a-z][a-z0-9]{1,19}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

	public Voice {
		if (engine == null || !ENGINE.matcher(engine).matches() || name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a voice: " + engine + ":" + name);
		}
	}

	/** The voice written as {@code engine:name}. */
	public static Voice parse(String id) {
		if (id == null) {
			throw new IllegalArgumentException("No voice given");
		}
		int colon = id.indexOf(':');
		if (colon < 0) {
			throw new IllegalArgumentException("Not a voice (engine:name): " + id);
		}
		return new Voice(id.substring(0, colon).strip(), id.substring(colon + 1).strip());
	}

	/** Whether {@code id} is a well-formed voice. */
	public static boolean isValid(String id) {
		try {
			parse(id);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	public String id() {
		return engine + ":" + name;
	}

	@Override
	public String toString() {
		return id();
	}

}

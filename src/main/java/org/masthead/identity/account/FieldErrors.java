package org.masthead.identity.account;

import java.util.LinkedHashMap;
import java.util.Map;

/** Validation messages of a form, by field name, in the order the fields were checked. */
public final class FieldErrors {

	private final Map<String, String> errors = new LinkedHashMap<>();

	/** Adds {@code message} for {@code field} unless it is null or the field already has one. */
	public FieldErrors check(String field, String message) {
		if (message != null) {
			errors.putIfAbsent(field, message);
		}
		return this;
	}

	public boolean isEmpty() {
		return errors.isEmpty();
	}

	public String get(String field) {
		return errors.get(field);
	}

	public Map<String, String> asMap() {
		return Map.copyOf(errors);
	}

	@Override
	public String toString() {
		return errors.toString();
	}

}

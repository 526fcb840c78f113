package org.masthead.editorial.workflow;

/**
 * A problem that blocks publishing.
 *
 * @param code stable, for the API and tests
 * @param field the draft field it concerns, for the editor to point at
 */
public record PublishingCheck(String code, String field, String message) {
}

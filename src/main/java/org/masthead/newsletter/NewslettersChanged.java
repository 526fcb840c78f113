package org.masthead.newsletter;

/**
 * A newsletter was created or changed (name, description, status, order...); published after the
 * change is committed. Pages showing sign-up blocks or the newsletter list depend on it.
 */
public record NewslettersChanged(long newsletterId) {
}

package org.masthead.identity;

/**
 * Published when an Administrator disables a staff account: its sessions end and it can no longer
 * sign in. Their articles and bylines stay.
 */
public record StaffDisabled(long staffId, Long disabledBy) {
}

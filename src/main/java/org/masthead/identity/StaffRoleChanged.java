package org.masthead.identity;

/**
 * Published when an Administrator changes a staff member's role. The staff member's sessions end
 * with it, so the new role applies from their next sign-in.
 *
 * @param changedBy the Administrator's id, or null when the CLI did it
 */
public record StaffRoleChanged(long staffId, Role previous, Role current, Long changedBy) {
}

/**
 * Identity: staff accounts, roles, sessions and the security rules of every URL. Reader pages are
 * public and stateless; everything under {@code /admin/} needs a signed-in staff member.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.masthead.identity;

/**
 * Newsletters: named newsletters readers sign up to with double opt-in, their subscribers and consent
 * records, the issues Editors compose and the sending engine that delivers each issue to each
 * confirmed subscriber exactly once. Other modules read through the types of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Newsletters")
package org.masthead.newsletter;

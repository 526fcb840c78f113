/**
 * Editorial: the newsroom's side. Who may do what to an article (workflow and roles), the checks
 * that block publishing, scheduled publishing, the admin pages and the Admin API. Changes content
 * only through content's commands.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Editorial")
package org.masthead.editorial;

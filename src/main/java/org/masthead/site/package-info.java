/**
 * Site: the reader-facing pages, the page cache in front of them, SEO metadata. Reads content
 * through {@link org.masthead.content.ArticleCatalog} and listens to content events to drop
 * exactly the cached pages a change affects.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site")
package org.masthead.site;

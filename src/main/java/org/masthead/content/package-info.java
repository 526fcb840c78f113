/**
 * Content: articles (working copy and published revision), authors, sections, tags, media assets,
 * corrections and curated lists. Other modules read through {@link org.masthead.content.ArticleCatalog},
 * change through {@link org.masthead.content.Newsroom} and {@link org.masthead.content.MediaLibrary}, and
 * react to {@link org.masthead.content.ArticlePublished} and friends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content")
package org.masthead.content;

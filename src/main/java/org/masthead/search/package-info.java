/**
 * Search: a Lucene index of the published articles in {@code ${masthead.data-dir}/search}, kept
 * current from content's events and rebuilt from the database on demand
 * ({@code java -jar masthead.jar search rebuild}). Other modules query through
 * {@link org.masthead.search.Search}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package org.masthead.search;

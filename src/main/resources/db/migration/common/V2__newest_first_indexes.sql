-- Listings order by (published_at desc, article_id desc). With an index on published_at alone the
-- planner has to sort the ties, and SQLite 3.5x, not knowing a bound LIMIT, may choose to sort the
-- whole table instead: about 20 ms per "latest" query at 10,000 articles, against 0.1 ms when the
-- index covers the whole ORDER BY. These two replace the V1 indexes they extend.
create index published_article_newest on published_article (published_at desc, article_id desc);
create index published_article_section_newest on published_article (section_id, published_at desc, article_id desc);
drop index published_article_recent;
drop index published_article_section;

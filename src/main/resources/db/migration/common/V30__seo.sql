-- SEO title and description: what search results and link previews show when it should differ
-- from the headline and dek. Kept with every revision and copied to the published revision.
alter table article add column seo_title varchar(200);
alter table article add column seo_description varchar(400);
alter table article_revision add column seo_title varchar(200);
alter table article_revision add column seo_description varchar(400);
alter table published_article add column seo_title varchar(200);
alter table published_article add column seo_description varchar(400);

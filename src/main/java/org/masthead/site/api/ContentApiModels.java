package org.masthead.site.api;

import java.time.Instant;
import java.util.List;

import org.masthead.content.Article;
import org.masthead.content.ArticleSummary;
import org.masthead.content.AuthorProfile;
import org.masthead.content.Image;
import org.masthead.content.Section;
import org.masthead.content.Tag;
import org.masthead.newsfeed.NewsFeedItem;

/**
 * What the Content API answers with. Ids are strings: they exceed the integers JavaScript holds
 * exactly. Times are ISO-8601 instants; {@code url} fields are absolute.
 */
final class ContentApiModels {

	private ContentApiModels() {
	}

	record Ref(String slug, String name) {
	}

	record ImageOut(String url, int width, int height, String alt, String caption, String credit) {

		static ImageOut of(Image image, UrlMaker urls) {
			return image == null ? null
					: new ImageOut(urls.absolute(image.urlAtLeast(1200)), image.width(), image.height(), image.alt(),
							image.caption(), image.credit());
		}

	}

	record ArticleOut(String id, String slug, String url, String headline, String dek, Ref section, List<Ref> authors,
			Instant publishedAt, Instant updatedAt, int readingMinutes, ImageOut hero, List<Ref> tags, String language,
			String bodyHtml, List<NoteOut> notes) {

		static ArticleOut of(ArticleSummary s, UrlMaker urls) {
			return new ArticleOut(Long.toString(s.id()), s.slug(), urls.absolute(s.path()), s.headline(), s.dek(),
					s.section() == null ? null : new Ref(s.section().slug(), s.section().name()),
					s.authors().stream().map(a -> new Ref(a.slug(), a.name())).toList(), s.publishedAt(), s.updatedAt(),
					s.readingMinutes(), ImageOut.of(s.hero(), urls), null, null, null, null);
		}

		static ArticleOut of(Article article, UrlMaker urls) {
			ArticleOut s = of(article.summary(), urls);
			return new ArticleOut(s.id(), s.slug(), s.url(), s.headline(), s.dek(), s.section(), s.authors(), s.publishedAt(),
					s.updatedAt(), s.readingMinutes(), s.hero(), article.tags().stream().map(t -> new Ref(t.slug(), t.name())).toList(),
					article.language(), article.bodyHtml(),
					article.notes().stream().map(n -> new NoteOut(n.kind().name().toLowerCase().replace('_', '-'), n.body(), n.createdAt())).toList());
		}

	}

	record NoteOut(String kind, String body, Instant createdAt) {
	}

	record AuthorOut(String slug, String name, String jobTitle, String bio, String url, ImageOut photo) {

		static AuthorOut of(AuthorProfile a, UrlMaker urls) {
			return new AuthorOut(a.slug(), a.name(), a.jobTitle(), a.bio(), urls.absolute(a.path()), ImageOut.of(a.photo(), urls));
		}

	}

	record TagOut(String slug, String name, String description, String url) {

		static TagOut of(Tag t, UrlMaker urls) {
			return new TagOut(t.slug(), t.name(), t.description(), urls.absolute(t.path()));
		}

	}

	record SectionOut(String slug, String name, String description, String url) {

		static SectionOut of(Section s, UrlMaker urls) {
			return new SectionOut(s.slug(), s.name(), s.description(), urls.absolute(s.path()));
		}

	}

	record NewsFeedItemOut(String id, Instant postedAt, String headline, String body, String articleUrl, boolean breaking,
			boolean pinned, Instant updatedAt, String url) {

		static NewsFeedItemOut of(NewsFeedItem i, UrlMaker urls) {
			return new NewsFeedItemOut(Long.toString(i.id()), i.postedAt(), i.headline(), i.body(),
					i.articlePath() == null ? null : urls.absolute(i.articlePath()), i.breaking(), i.pinned(), i.updatedAt(),
					urls.absolute(i.path()));
		}

	}

	record ListOut(String slug, List<ArticleOut> items) {
	}

	/** Absolute URLs for paths. */
	interface UrlMaker {

		String absolute(String path);

	}

}

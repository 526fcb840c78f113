package org.masthead.editorial.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.masthead.content.ArticleDraft;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The editor's form as the browser sends it. Plain-text fields lose any markup on the way in
 * (a headline is never HTML); the body is HTML and is sanitized by content when it is saved.
 * Over 300 lines because Spring binds through JavaBean getters and setters: about half the file;
 * the rules themselves are {@link #problems} and {@link #toDraft}.
 */
public class ArticleForm {

	static final int MAX_HEADLINE = 300;

	static final int MAX_DEK = 1000;

	static final int MAX_BODY = 500_000;

	static final int MAX_ALT = 1000;

	static final int MAX_CAPTION = 2000;

	static final int MAX_CREDIT = 500;

	static final int AUTHOR_SLOTS = 3;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");

	private String slug = "";

	private String headline = "";

	private String dek = "";

	private String bodyHtml = "";

	private Long heroImageId;

	private String heroAlt = "";

	private String heroCaption = "";

	private String heroCredit = "";

	private Long sectionId;

	private List<Long> authorIds = new ArrayList<>();

	private List<Long> tagIds = new ArrayList<>();

	private String language = "en";

	private String seoTitle = "";

	private String seoDescription = "";

	private int revision;

	static ArticleForm of(ArticleDraft draft, int revision) {
		ArticleForm form = new ArticleForm();
		form.slug = orEmpty(draft.slug());
		form.headline = orEmpty(draft.headline());
		form.dek = orEmpty(draft.dek());
		form.bodyHtml = orEmpty(draft.bodyHtml());
		form.heroImageId = draft.heroImageId();
		form.heroAlt = orEmpty(draft.heroAlt());
		form.heroCaption = orEmpty(draft.heroCaption());
		form.heroCredit = orEmpty(draft.heroCredit());
		form.sectionId = draft.sectionId();
		form.authorIds = draft.authorIds() == null ? new ArrayList<>() : new ArrayList<>(draft.authorIds());
		form.tagIds = draft.tagIds() == null ? new ArrayList<>() : new ArrayList<>(draft.tagIds());
		form.language = draft.language() == null ? "en" : draft.language();
		form.seoTitle = orEmpty(draft.seoTitle());
		form.seoDescription = orEmpty(draft.seoDescription());
		form.revision = revision;
		return form;
	}

	/**
	 * What is wrong with the form, field by field, in the order the form shows the fields. Blocking
	 * publishing checks (headline over 110 characters, missing dek...) are not errors here: a draft
	 * may be incomplete.
	 */
	Map<String, String> problems(Choices choices, BindingResult binding) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			String field = error.getField().replaceAll("\\[.*$", "");
			errors.putIfAbsent(field, "revision".equals(field) ? "Reload the article: the form is damaged."
					: "Choose from the list; this value is not one of the choices.");
		}
		if (headline().isBlank()) {
			errors.put("headline", "Write a headline.");
		}
		else if (headline().length() > MAX_HEADLINE) {
			errors.put("headline", "Keep the headline under " + MAX_HEADLINE + " characters (it has " + headline().length() + ").");
		}
		tooLong(errors, "dek", dek(), MAX_DEK, "dek");
		if (slug().isBlank()) {
			errors.put("slug", "Give the article a slug: the last part of its address.");
		}
		else if (slug().length() > 200 || !SLUG.matcher(slug()).matches()) {
			errors.put("slug", "A slug is lowercase letters, digits and single dashes, like harbour-cranes-return.");
		}
		if (sectionId != null && !choices.sections().contains(sectionId)) {
			errors.put("sectionId", "Choose one of the sections.");
		}
		if (!choices.tags().containsAll(tagIds())) {
			errors.put("tagIds", "Choose tags from the list.");
		}
		if (!choices.authors().containsAll(authorIds())) {
			errors.put("authorIds", "Choose authors from the list.");
		}
		else if (authorIds().size() > MAX_AUTHORS) {
			errors.put("authorIds", "A byline holds at most " + MAX_AUTHORS + " authors.");
		}
		if (heroImageId != null && !choices.heroExists()) {
			errors.put("heroImageId", "That picture is not in the media library.");
		}
		tooLong(errors, "heroAlt", heroAlt(), MAX_ALT, "alt text");
		tooLong(errors, "heroCaption", heroCaption(), MAX_CAPTION, "caption");
		tooLong(errors, "heroCredit", heroCredit(), MAX_CREDIT, "credit");
		if (!LANGUAGE.matcher(language()).matches()) {
			errors.put("language", "Give the language as a code like en, uk or en-GB.");
		}
		tooLong(errors, "seoTitle", seoTitle(), ArticleDraft.MAX_SEO_TITLE, "SEO title");
		tooLong(errors, "seoDescription", seoDescription(), ArticleDraft.MAX_SEO_DESCRIPTION, "SEO description");
		if (bodyHtml.length() > MAX_BODY) {
			errors.put("body", "The body is too long to save (" + bodyHtml.length() + " characters of HTML; at most " + MAX_BODY + ").");
		}
		return errors;
	}

	ArticleDraft toDraft() {
		return new ArticleDraft(slug(), headline(), nullIfBlank(dek()), emptyRelatedCards(bodyHtml), heroImageId, nullIfBlank(heroAlt()),
				nullIfBlank(heroCaption()), nullIfBlank(heroCredit()), sectionId, authorIds(), tagIds(), language(),
				nullIfBlank(seoTitle()), nullIfBlank(seoDescription()));
	}

	/**
	 * Related-article cards as the site expects them: {@code <aside class="related-card"
	 * data-slug="...">} with nothing inside (the rich-text editor may leave padding there).
	 */
	static String emptyRelatedCards(String html) {
		if (!html.contains("related-card")) {
			return html;
		}
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		document.select("aside.related-card[data-slug]").forEach(Element::empty);
		return document.body().html();
	}

	/** A slug made from a headline: "Tram line 7 reopens!" becomes "tram-line-7-reopens". */
	static String slugFrom(String headline) {
		String ascii = Normalizer.normalize(headline == null ? "" : headline, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("(^-+|-+$)", "");
		if (ascii.length() > 80) {
			ascii = ascii.substring(0, 80).replaceAll("-+$", "");
		}
		return ascii;
	}

	/** Text without markup or control characters: what a plain-text field keeps. */
	static String plain(String text) {
		if (text == null) {
			return "";
		}
		String clean = text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? Jsoup.parse(text).text() : text;
		return clean.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").replaceAll("\\s+", " ").strip();
	}

	private static void tooLong(Map<String, String> errors, String field, String value, int max, String name) {
		if (value.length() > max) {
			errors.put(field, "Keep the " + name + " under " + max + " characters (it has " + value.length() + ").");
		}
	}

	private static String nullIfBlank(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	/** What the form's choices may be: ids of sections, tags and authors that exist. */
	public record Choices(List<Long> sections, List<Long> tags, List<Long> authors, boolean heroExists) {
	}

	public String getSlug() {
		return slug;
	}

	public void setSlug(String slug) {
		this.slug = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
	}

	String slug() {
		return slug;
	}

	public String getHeadline() {
		return headline;
	}

	public void setHeadline(String headline) {
		this.headline = headline;
	}

	String headline() {
		return plain(headline);
	}

	public String getDek() {
		return dek;
	}

	public void setDek(String dek) {
		this.dek = dek;
	}

	String dek() {
		return plain(dek);
	}

	public String getBodyHtml() {
		return bodyHtml;
	}

	public void setBodyHtml(String bodyHtml) {
		this.bodyHtml = bodyHtml == null ? "" : bodyHtml;
	}

	public Long getHeroImageId() {
		return heroImageId;
	}

	public void setHeroImageId(Long heroImageId) {
		this.heroImageId = heroImageId;
	}

	public String getHeroAlt() {
		return heroAlt;
	}

	public void setHeroAlt(String heroAlt) {
		this.heroAlt = heroAlt;
	}

	String heroAlt() {
		return plain(heroAlt);
	}

	public String getHeroCaption() {
		return heroCaption;
	}

	public void setHeroCaption(String heroCaption) {
		this.heroCaption = heroCaption;
	}

	String heroCaption() {
		return plain(heroCaption);
	}

	public String getHeroCredit() {
		return heroCredit;
	}

	public void setHeroCredit(String heroCredit) {
		this.heroCredit = heroCredit;
	}

	String heroCredit() {
		return plain(heroCredit);
	}

	public Long getSectionId() {
		return sectionId;
	}

	public void setSectionId(Long sectionId) {
		this.sectionId = sectionId;
	}

	public List<Long> getAuthorIds() {
		return authorIds;
	}

	public void setAuthorIds(List<Long> authorIds) {
		this.authorIds = authorIds == null ? new ArrayList<>() : new ArrayList<>(authorIds);
	}

	/** The byline in order, without empty slots or repeats. */
	List<Long> authorIds() {
		return authorIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	/** The most authors a byline holds (the Admin API allows as many). */
	public static final int MAX_AUTHORS = 20;

	/**
	 * How many byline slots the form shows: three, or one more than the authors chosen so far, so a
	 * fourth, fifth... author can always be added, also without JavaScript (save, and a slot appears).
	 */
	public int authorSlots() {
		return Math.min(MAX_AUTHORS, Math.max(3, authorIds().size() + 1));
	}

	/** The author in byline slot {@code index} (from 0), or null. */
	public Long authorAt(int index) {
		List<Long> ids = authorIds();
		return index < ids.size() ? ids.get(index) : null;
	}

	public List<Long> getTagIds() {
		return tagIds;
	}

	public void setTagIds(List<Long> tagIds) {
		this.tagIds = tagIds == null ? new ArrayList<>() : new ArrayList<>(tagIds);
	}

	List<Long> tagIds() {
		return tagIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	String language() {
		return language == null || language.isBlank() ? "en" : language.strip();
	}

	public String getSeoTitle() {
		return seoTitle;
	}

	public void setSeoTitle(String seoTitle) {
		this.seoTitle = seoTitle;
	}

	String seoTitle() {
		return plain(seoTitle);
	}

	public String getSeoDescription() {
		return seoDescription;
	}

	public void setSeoDescription(String seoDescription) {
		this.seoDescription = seoDescription;
	}

	String seoDescription() {
		return plain(seoDescription);
	}

	public int getRevision() {
		return revision;
	}

	public void setRevision(int revision) {
		this.revision = revision;
	}

	/** Fills empty hero words from the media library's, so a picked picture brings its alt, caption and credit. */
	void fillHeroWords(String alt, String caption, String credit) {
		if (heroAlt().isBlank() && alt != null) {
			heroAlt = alt;
		}
		if (heroCaption().isBlank() && caption != null) {
			heroCaption = caption;
		}
		if (heroCredit().isBlank() && credit != null) {
			heroCredit = credit;
		}
	}

	/** For a new article: the slug from the headline when none was typed. */
	void slugFromHeadlineIfEmpty() {
		if (slug.isBlank()) {
			slug = slugFrom(headline());
		}
	}

}

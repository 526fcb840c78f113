package org.masthead.editorial.web;

import java.util.List;
import java.util.Map;

import org.masthead.content.ArticleStatus;
import org.masthead.content.ArticleSummary;
import org.masthead.content.CuratedList;
import org.masthead.content.Image;
import org.masthead.content.WorkingCopy;

/** What the newsroom templates render, one record per page (the editor's is {@link EditorView}). */
public final class NewsroomViews {

	private NewsroomViews() {
	}

	/** The dashboard; {@code everyone} says whether review and schedule lists hold all staff's articles. */
	public record Dashboard(AdminPage page, List<ArticleRow> drafts, List<ArticleRow> inReview,
			List<ArticleRow> scheduled, List<ArticleRow> published, boolean everyone, String zone) {
	}

	/** One page of the article list; {@code status} is null for every status. */
	public record ArticleList(AdminPage page, ArticleStatus status, List<ArticleStatus> statuses, List<ArticleRow> rows,
			int number, int totalPages, long total, boolean everyone) {

		public String pageLink(int n) {
			return "/admin/articles?" + (status != null ? "status=" + status.name() + "&" : "") + "page=" + n;
		}

		public String label(ArticleStatus s) {
			return ArticleRow.label(s);
		}

	}

	/** A small confirmation or comment form for one workflow step ("send-back", "delete", "note"). */
	public record StepForm(AdminPage page, WorkingCopy copy, String kind, String text, String noteKind, String error) {
	}

	/** A revision as the list shows it. */
	public record RevisionRow(int number, String savedAt, String headline, boolean current) {
	}

	/** The revisions of an article. */
	public record Revisions(AdminPage page, WorkingCopy copy, List<RevisionRow> rows, boolean canRestore) {
	}

	/** What changed between an old revision and the current text. */
	public record Comparison(AdminPage page, WorkingCopy copy, RevisionRow revision, List<RevisionDiff.Line> lines,
			boolean canRestore) {

		public boolean isUnchanged() {
			return lines.stream().allMatch(l -> l.kind() == RevisionDiff.Kind.SAME);
		}

	}

	/** The media grid and the upload form; {@code article} is the article to return to, or null. */
	public record MediaPage(AdminPage page, List<Image> pictures, int number, int totalPages, Long article,
			Map<String, String> errors, Map<String, String> values) {

		public String error(String field) {
			return errors.get(field);
		}

		public String value(String field) {
			return values.getOrDefault(field, "");
		}

	}

	/** A curated list and its articles in order. */
	public record ListView(CuratedList list, String name, List<ArticleSummary> items) {
	}

	/** The curation page, with search results to add from. */
	public record Curation(AdminPage page, List<ListView> lists, String query, List<ArticleSummary> found) {
	}

	/** A short page: what happened, and where to go on. */
	public record Message(AdminPage page, String message, String link, String linkText) {
	}

}

package org.masthead.editorial.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.masthead.content.AuthorProfile;
import org.masthead.content.CuratedList;
import org.masthead.content.Newsroom;
import org.masthead.content.Section;
import org.masthead.content.Tag;
import org.masthead.content.WorkingCopies;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.ArticleSummary;
import org.masthead.editorial.api.AdminApiErrors.NotFound;
import org.masthead.editorial.api.ApiModels.AuthorInput;
import org.masthead.editorial.api.ApiModels.ListInput;
import org.masthead.editorial.api.ApiModels.TagInput;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Authors, sections, tags and curated lists through the Admin API. */
@RestController
@RequestMapping("/api/admin")
class TaxonomyApi {

	private final Newsroom newsroom;

	private final WorkingCopies copies;

	private final ArticleCatalog catalog;

	private final EditorialService editorial;

	TaxonomyApi(Newsroom newsroom, WorkingCopies copies, ArticleCatalog catalog, EditorialService editorial) {
		this.newsroom = newsroom;
		this.copies = copies;
		this.catalog = catalog;
		this.editorial = editorial;
	}

	@GetMapping("/authors")
	List<AuthorOutput> authors() {
		ArticlesApi.actor();
		return copies.authors().stream().map(AuthorOutput::of).toList();
	}

	@PostMapping("/authors")
	ResponseEntity<AuthorOutput> createAuthor(@Valid @RequestBody AuthorInput input) {
		requireEditor();
		newsroom.createAuthor(input.slug(), input.name(), input.jobTitle(), input.bio(), input.photoId());
		AuthorProfile created = catalog.author(input.slug()).orElseThrow();
		return ResponseEntity.created(URI.create("/api/admin/authors/" + created.slug())).body(AuthorOutput.of(created));
	}

	/** The sections an article's {@code sectionId} may name, in the order the site's header lists them. */
	@GetMapping("/sections")
	List<Section> sections() {
		ArticlesApi.actor();
		return catalog.sections();
	}

	@GetMapping("/tags")
	List<Tag> tags() {
		ArticlesApi.actor();
		return copies.tags();
	}

	@PostMapping("/tags")
	ResponseEntity<Tag> createTag(@Valid @RequestBody TagInput input) {
		requireEditor();
		newsroom.createTag(input.slug(), input.name(), input.description());
		Tag created = catalog.tag(input.slug()).orElseThrow();
		return ResponseEntity.created(URI.create("/api/admin/tags/" + created.slug())).body(created);
	}

	@GetMapping("/lists/{slug}")
	List<ListItem> showList(@PathVariable String slug) {
		ArticlesApi.actor();
		return catalog.curated(curatedList(slug), 50).stream().map(ListItem::of).toList();
	}

	@PutMapping("/lists/{slug}")
	List<ListItem> curate(@PathVariable String slug, @Valid @RequestBody ListInput input) {
		StaffMember actor = ArticlesApi.actor();
		editorial.curate(actor, curatedList(slug), input.articleIds() == null ? List.of() : input.articleIds());
		return catalog.curated(curatedList(slug), 50).stream().map(ListItem::of).toList();
	}

	private static CuratedList curatedList(String slug) {
		for (CuratedList list : CuratedList.values()) {
			if (list.slug().equals(slug)) {
				return list;
			}
		}
		throw new NotFound("list.not-found", "There is no curated list \"" + slug + "\": use editors-picks or featured.");
	}

	private static void requireEditor() {
		if (!ArticlesApi.actor().may(Role.EDITOR)) {
			throw new AccessDeniedException("This needs the editor role.");
		}
	}

	/** An author as the API returns them. */
	record AuthorOutput(long id, String slug, String name, String jobTitle, String bio, String photoUrl) {

		static AuthorOutput of(AuthorProfile a) {
			return new AuthorOutput(a.id(), a.slug(), a.name(), a.jobTitle(), a.bio(), a.photo() == null ? null : a.photo().url());
		}

	}

	/** An article in a curated list. */
	record ListItem(long id, String slug, String headline) {

		static ListItem of(ArticleSummary a) {
			return new ListItem(a.id(), a.slug(), a.headline());
		}

	}

}

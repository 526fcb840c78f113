package org.masthead.newsfeed.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.masthead.content.Page;
import org.masthead.identity.CurrentStaff;
import org.masthead.identity.Role;
import org.masthead.identity.StaffMember;
import org.masthead.newsfeed.NewsFeed;
import org.masthead.newsfeed.NewsFeedItem;
import org.masthead.newsfeed.NewsFeedItemDraft;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** News feed items through the Admin API, for Editors' tokens: the same rules as the newsroom page. */
@RestController
@RequestMapping("/api/admin/news-feed")
class NewsFeedApi {

	private final NewsFeed feed;

	NewsFeedApi(NewsFeed feed) {
		this.feed = feed;
	}

	@GetMapping
	ItemPage list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		editor();
		if (page < 1 || page > 100_000 || size < 1 || size > 100) {
			throw new IllegalArgumentException("page must be 1 or more and size between 1 and 100.");
		}
		Page<NewsFeedItem> result = feed.page(page, size);
		return new ItemPage(result.items().stream().map(ItemOutput::of).toList(), result.number(), result.size(),
				result.totalItems(), result.totalPages());
	}

	@PostMapping
	ResponseEntity<ItemOutput> post(@Valid @RequestBody ItemInput input) {
		StaffMember editor = editor();
		long id = feed.post(input.draft(), editor.name());
		return ResponseEntity.created(URI.create("/api/admin/news-feed/" + id)).body(get(id));
	}

	@GetMapping("/{id}")
	ItemOutput get(@PathVariable long id) {
		editor();
		return feed.item(id).map(ItemOutput::of).orElseThrow(() -> new NewsFeedApiErrors.NotFound(id));
	}

	@PutMapping("/{id}")
	ItemOutput edit(@PathVariable long id, @Valid @RequestBody ItemInput input) {
		editor();
		if (!feed.edit(id, input.draft())) {
			throw new NewsFeedApiErrors.NotFound(id);
		}
		return get(id);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		editor();
		if (!feed.delete(id)) {
			throw new NewsFeedApiErrors.NotFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	private static StaffMember editor() {
		StaffMember staff = CurrentStaff.get().orElseThrow(() -> new AccessDeniedException("Sign in with an API token."));
		if (!staff.may(Role.EDITOR)) {
			throw new AccessDeniedException("Only Editors run the news feed.");
		}
		return staff;
	}

	/**
	 * A news feed item to post or save.
	 *
	 * @param postedAt the time to show (ISO-8601), or absent for now
	 * @param articleSlug the slug of a published article to link to, or absent
	 */
	record ItemInput(@NotNull @Size(max = 1000) String headline, @NotNull @Size(max = 5000) String body,
			@Size(max = 500) String articleSlug, Boolean breaking, Boolean pinned, Instant postedAt) {

		NewsFeedItemDraft draft() {
			return new NewsFeedItemDraft(headline, body, articleSlug, Boolean.TRUE.equals(breaking),
					Boolean.TRUE.equals(pinned), postedAt);
		}

	}

	/** A news feed item; {@code id} is a string, as the number is too large for JavaScript. */
	record ItemOutput(String id, Instant postedAt, String headline, String body, String articleSlug, boolean breaking,
			boolean pinned, Instant updatedAt, String postedBy, String permalink) {

		static ItemOutput of(NewsFeedItem item) {
			return new ItemOutput(Long.toString(item.id()), item.postedAt(), item.headline(), item.body(),
					item.articleSlug(), item.breaking(), item.pinned(), item.updatedAt(), item.postedBy(), item.path());
		}

	}

	record ItemPage(List<ItemOutput> items, int page, int size, long totalItems, int totalPages) {
	}

}

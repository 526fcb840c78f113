package org.masthead.editorial.web;

import org.masthead.content.WorkingCopies;
import org.masthead.editorial.workflow.EditorialService;
import org.masthead.site.ArticlePreview;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The working copy rendered by the reader's own article template, exactly as readers will see it
 * once published. Never stored by any cache ({@code no-store}) and never indexed.
 */
@Controller
class PreviewController {

	private final EditorialService editorial;

	private final WorkingCopies copies;

	private final ArticlePreview preview;

	PreviewController(EditorialService editorial, WorkingCopies copies, ArticlePreview preview) {
		this.editorial = editorial;
		this.copies = copies;
		this.preview = preview;
	}

	@GetMapping("/admin/articles/{id}/preview")
	ResponseEntity<String> preview(@PathVariable long id) {
		editorial.get(Staff.current(), id);
		String html = preview.render(copies.preview(id).orElseThrow(() -> new NotFound("No article " + id)));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("X-Robots-Tag", "noindex, nofollow")
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(html);
	}

}

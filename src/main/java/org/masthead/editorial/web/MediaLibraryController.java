package org.masthead.editorial.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.masthead.content.Image;
import org.masthead.content.MediaLibrary;
import org.masthead.content.MediaLibrary.MediaRejectedException;
import org.masthead.content.Page;
import org.masthead.editorial.web.NewsroomViews.MediaPage;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The media library: a grid of the pictures, newest first, and the upload form. Pictures are
 * checked by their content (never their name) by {@link MediaLibrary}; its reasons for refusing
 * one are shown next to the file field. Uploading from an article's editor returns there with the
 * new picture chosen as the hero, its alt text, caption and credit filled in.
 */
@Controller
class MediaLibraryController {

	static final int PAGE_SIZE = 24;

	private final MediaLibrary media;

	MediaLibraryController(MediaLibrary media) {
		this.media = media;
	}

	@GetMapping("/admin/media")
	String showUploadForm(@RequestParam(defaultValue = "1") String page, @RequestParam(required = false) Long article,
			@RequestParam Map<String, String> flags, CsrfToken csrf, Model model) {
		Staff.current();
		return page(model, AdminPage.of("Media library", "media", csrf).notice(Notices.of(flags)),
				ArticleListController.parsePage(page), article, Map.of(), Map.of());
	}

	@PostMapping("/admin/media")
	String processUploadForm(@RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String alt, @RequestParam(defaultValue = "") String caption,
			@RequestParam(defaultValue = "") String credit, @RequestParam(required = false) Long article,
			CsrfToken csrf, Model model, HttpServletResponse response) throws IOException {
		Staff.current();
		Map<String, String> values = Map.of("alt", alt, "caption", caption, "credit", credit);
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanAlt = ArticleForm.plain(alt);
		String cleanCaption = ArticleForm.plain(caption);
		String cleanCredit = ArticleForm.plain(credit);
		if (file == null || file.isEmpty()) {
			errors.put("file", "Choose a JPEG, PNG or WebP picture to upload.");
		}
		if (cleanAlt.length() > ArticleForm.MAX_ALT) {
			errors.put("alt", "Keep the alt text under " + ArticleForm.MAX_ALT + " characters.");
		}
		if (cleanCaption.length() > ArticleForm.MAX_CAPTION) {
			errors.put("caption", "Keep the caption under " + ArticleForm.MAX_CAPTION + " characters.");
		}
		if (cleanCredit.length() > ArticleForm.MAX_CREDIT) {
			errors.put("credit", "Keep the credit under " + ArticleForm.MAX_CREDIT + " characters.");
		}
		if (errors.isEmpty()) {
			try {
				Image image = media.store(file.getBytes(), blankToNull(cleanAlt), blankToNull(cleanCaption),
						blankToNull(cleanCredit));
				return article != null ? "redirect:/admin/articles/" + article + "?hero=" + image.assetId()
						: "redirect:/admin/media?uploaded";
			}
			catch (MediaRejectedException ex) {
				errors.put("file", ex.getMessage());
			}
		}
		response.setStatus(422);
		return page(model, AdminPage.of("Media library", "media", csrf), 1, article, errors, values);
	}

	private String page(Model model, AdminPage page, int number, Long article, Map<String, String> errors,
			Map<String, String> values) {
		Page<Image> found = media.recent(number, PAGE_SIZE);
		if (number > found.totalPages()) {
			found = media.recent(found.totalPages(), PAGE_SIZE);
		}
		model.addAttribute("media", new MediaPage(page, found.items(), found.number(), found.totalPages(), article,
				errors, values));
		return "admin/editorial/media";
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

}

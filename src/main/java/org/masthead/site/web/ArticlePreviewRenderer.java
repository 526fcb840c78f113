package org.masthead.site.web;

import java.util.Map;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.masthead.content.Article;
import org.masthead.site.ArticlePreview;
import org.springframework.stereotype.Component;

/** The reader's article template, rendered for the newsroom from an article that may not be live. */
@Component
class ArticlePreviewRenderer implements ArticlePreview {

	private final TemplateEngine templates;

	private final ArticleController articles;

	ArticlePreviewRenderer(TemplateEngine templates, ArticleController articles) {
		this.templates = templates;
		this.articles = articles;
	}

	@Override
	public String render(Article article) {
		ArticleController.ArticleModel model = articles.model(article, true);
		StringOutput out = new StringOutput();
		templates.render("article.jte", Map.of("chrome", model.chrome(), "meta", model.meta(), "page", model.page()), out);
		return out.toString();
	}

}

package org.masthead.site.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.masthead.newsletter.Newsletter;
import org.masthead.newsletter.SignupBlock;
import org.masthead.newsletter.SignupOutcome;
import org.masthead.platform.StaticAssets;
import org.masthead.site.cache.PageDependencies;
import org.masthead.site.cache.SiteFurniture;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the newsletter sign-up blocks to article pages, the home page and section fronts, whichever
 * controller renders them, and records that those pages depend on the newsletters. The blocks hold
 * nothing about the visitor; the message after a sign-up without JavaScript comes from the
 * address ({@code ?signup=SLUG&result=CODE}), which the page cache never stores.
 */
@Configuration(proxyBeanMethods = false)
public class SignupBlocks implements HandlerInterceptor, WebMvcConfigurer {

	/** At most this many blocks on one page, in the newsletters' order. */
	static final int MAX_BLOCKS = 3;

	private static final Set<String> VIEWS = Set.of("article", "home", "listing");

	private final SiteFurniture furniture;

	private final String script = StaticAssets.versioned("newsletter-signup.js");

	SignupBlocks(SiteFurniture furniture) {
		this.furniture = furniture;
	}

	/** The blocks and the script that sends them inline. */
	public record View(List<SignupBlock> blocks, String script) {
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView mav) {
		if (mav == null || mav.getViewName() == null || !VIEWS.contains(mav.getViewName())
				|| mav.getModel().containsKey("signup")) {
			return;
		}
		if (mav.getModel().get("listing") instanceof Views.Listing listing && !"Section".equals(listing.kind())) {
			return;
		}
		PageDependencies.add(request, PageDependencies.NEWSLETTERS);
		mav.addObject("signup", view(request, furniture.activeNewsletters().stream().limit(MAX_BLOCKS).toList()));
	}

	/**
	 * Blocks for these newsletters on the page being rendered. The caller declares the page's
	 * dependency on the newsletters ({@link PageDependencies#NEWSLETTERS}) if the page is cached.
	 */
	View view(HttpServletRequest request, List<Newsletter> shown) {
		String page = request.getRequestURI();
		String slug = request.getParameter("signup");
		SignupOutcome outcome = SignupOutcome.ofCode(request.getParameter("result")).orElse(null);
		return new View(shown.stream()
			.map(n -> new SignupBlock(n, page, n.slug().equals(slug) ? outcome : null))
			.toList(), script);
	}

}

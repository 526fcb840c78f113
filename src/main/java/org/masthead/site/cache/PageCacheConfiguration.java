package org.masthead.site.cache;

import org.masthead.platform.MastheadProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the page cache, and the turns of the renders it cannot answer, first in the servlet filter chain, ahead of security. */
@Configuration(proxyBeanMethods = false)
class PageCacheConfiguration {

	@Bean
	FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, MastheadProperties properties,
			@Value("${server.servlet.session.cookie.name:masthead_session}") String staffCookie,
			RenderProperties render) {
		FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
				new PageCacheFilter(cache, properties, staffCookie, render));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		registration.setName("pageCache");
		return registration;
	}

}

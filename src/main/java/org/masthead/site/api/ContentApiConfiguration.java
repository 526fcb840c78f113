package org.masthead.site.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Content API's HTTP behaviour: per-address rate limits first, then strong ETags computed from
 * each answer (a matching {@code If-None-Match} gets 304), and CORS for the configured origins.
 */
@Configuration(proxyBeanMethods = false)
class ContentApiConfiguration implements WebMvcConfigurer {

	private final ContentApiProperties properties;

	ContentApiConfiguration(ContentApiProperties properties) {
		this.properties = properties;
	}

	@Bean
	FilterRegistrationBean<ContentApiRateLimit> contentApiRateLimit() {
		FilterRegistrationBean<ContentApiRateLimit> registration = new FilterRegistrationBean<>(
				new ContentApiRateLimit(properties.requestsPerMinute()));
		registration.addUrlPatterns("/api/content/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.setName("contentApiRateLimit");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> contentApiEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/content/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		registration.setName("contentApiEtags");
		return registration;
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/content/**")
			.allowedOrigins(properties.corsOrigins().toArray(String[]::new))
			.allowedMethods("GET", "HEAD")
			.exposedHeaders("ETag", "X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After")
			.allowCredentials(false)
			.maxAge(3600);
	}

}

package org.masthead.platform;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where metrics may be read. On the site's own port every actuator endpoint but health and info is
 * refused (Prometheus metrics say too much about a newsroom to be public by accident). On the
 * separate management port ({@code management.server.port}, bound to loopback or a private address
 * with {@code management.server.address}) everything the actuator exposes is open: that port is
 * reachable only by whoever the operator lets reach it. Without a management port there are no
 * metrics to scrape, and this chain is not built (each chain costs the start about 0.1 s). Command-line
 * runs ({@code admin ...}, {@code search rebuild}) start no web server and so no filter chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ManagementPortSecurity {

	/** The port of the site itself, once its server has started; 0 before. */
	private final AtomicInteger sitePort = new AtomicInteger();

	@EventListener
	void on(WebServerInitializedEvent event) {
		if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
			sitePort.set(event.getWebServer().getPort());
		}
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain managementPortChain(HttpSecurity http) throws Exception {
		RequestMatcher managementPort = (HttpServletRequest request) -> sitePort.get() > 0
				&& request.getLocalPort() != sitePort.get();
		http.securityMatcher(managementPort)
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

}

package org.masthead.identity.signin;

import java.time.Clock;

import org.masthead.identity.IdentityProperties;
import org.masthead.identity.Role;
import org.masthead.identity.account.IdentitySettings;
import org.masthead.identity.account.StaffRepository;
import org.masthead.identity.token.ApiTokenFilter;
import org.masthead.identity.token.ApiTokens;
import org.masthead.identity.token.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what, in three filter chains:
 * <ol>
 * <li>{@code /api/admin/**}: stateless, {@code Authorization: Bearer mh_...} API tokens, no CSRF
 * (no cookie is ever used), 401/403 as problem JSON with a stable {@code code};</li>
 * <li>{@code /admin/**}: form sign-in with throttling and two-factor codes, CSRF on every form,
 * staff sessions in the database; Administrator-only pages for staff, tokens, audit log, settings;</li>
 * <li>everything else, the reader site: public, never creates a session, but reads a staff
 * member's existing one so reader pages can show staff links ("Edit post"); newsletter sign-up and
 * the subscriber's own pages ({@code /newsletters/**}) need no CSRF token.</li>
 * </ol>
 * Roles form a hierarchy: Administrator > Editor > Author > Contributor.
 * <p>
 * Every role rule is a path rule here, including the Editor-only pages (news feed, newsletters and
 * their issues): method security ({@code @EnableMethodSecurity} with {@code @PreAuthorize} on those
 * controllers) made every bean of the application go through its pointcuts at start, about 6% of the
 * start's main-thread CPU, for three controllers whose pages all sit under two paths.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; media-src 'self'; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	static final String LOGIN = "/admin/login";

	static final String CODE = "/admin/login/code";

	/** The newsroom pages for Editors only: NewsFeedAdminController, NewsletterAdminController, IssueAdminController. */
	static final String[] EDITOR_PAGES = { "/admin/news-feed", "/admin/news-feed/**", "/admin/newsletters",
			"/admin/newsletters/**" };

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMINISTRATOR.name()).implies(Role.EDITOR.name())
			.role(Role.EDITOR.name()).implies(Role.AUTHOR.name())
			.role(Role.AUTHOR.name()).implies(Role.CONTRIBUTOR.name())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain adminApiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
		http.securityMatcher("/api/admin/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/admin/openapi.json", "/api/admin/docs", "/api/admin/docs/**").permitAll()
				.requestMatchers("/api/admin/tokens", "/api/admin/tokens/**").hasRole(Role.ADMINISTRATOR.name())
				.anyRequest().hasRole(Role.CONTRIBUTOR.name()))
			.addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((request, response, ex) -> Problems.write(request, response, 401,
						Problems.MISSING_TOKEN, "API token required",
						"Send an API token as 'Authorization: Bearer mh_...'."))
				.accessDeniedHandler((request, response, ex) -> Problems.write(request, response, 403,
						Problems.FORBIDDEN, "Not allowed", "This API token's role does not allow this request.")))
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain newsroomChain(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords,
			SignInThrottle throttle, StaffRepository staff, IdentitySettings settings, Clock clock, IdentityProperties identity,
			SecurityContextRepository contexts,
			@Value("${server.servlet.session.cookie.name:masthead_session}") String sessionCookie) throws Exception {
		http.securityMatcher("/admin", "/admin/**")
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(LOGIN, "/admin/setup", "/admin/invite/accept").permitAll()
				.requestMatchers(CODE).hasAuthority(PendingTwoFactorAuthentication.AUTHORITY)
				.requestMatchers("/admin/staff", "/admin/staff/**", "/admin/tokens", "/admin/tokens/**", "/admin/audit",
						"/admin/audit/**", "/admin/settings", "/admin/settings/**")
				.hasRole(Role.ADMINISTRATOR.name())
				.requestMatchers(EDITOR_PAGES).hasRole(Role.EDITOR.name())
				.anyRequest().hasRole(Role.CONTRIBUTOR.name()))
			.authenticationManager(new ProviderManager(
					new ThrottledAuthenticationProvider(users, passwords, throttle, staff, clock)))
			.securityContext(context -> context.securityContextRepository(contexts))
			.formLogin(form -> form.loginPage(LOGIN)
				.loginProcessingUrl(LOGIN)
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler(SignInHandlers.success(identity.sessionTimeout()))
				.failureHandler(SignInHandlers.failure()))
			.logout(logout -> logout.logoutUrl("/admin/logout")
				.logoutSuccessUrl(LOGIN + "?signed-out")
				.invalidateHttpSession(true)
				.deleteCookies(sessionCookie))
			.exceptionHandling(e -> e.accessDeniedHandler(SignInHandlers.accessDenied()))
			.addFilterAfter(new StaffSessionFilter(staff, settings, contexts), AuthorizationFilter.class)
			.csrf(Customizer.withDefaults())
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain readerChain(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
		http.authorizeHttpRequests(auth -> auth
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/actuator/**").denyAll()
				.anyRequest().permitAll())
			.securityContext(context -> context.securityContextRepository(contexts))
			// Newsletter forms for readers carry no CSRF token: sign-up blocks sit in cached pages, and
			// the subscriber's own pages are authorised by the signed link itself (and RFC 8058
			// one-click unsubscribe comes from mail programs, without cookies).
			.csrf(csrf -> csrf.ignoringRequestMatchers("/newsletters/**"))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.headers(SecurityConfiguration::headers);
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
	}

}

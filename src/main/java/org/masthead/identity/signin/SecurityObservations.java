package org.masthead.identity.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security would otherwise time every filter of every chain for every request as an
 * observation (about a twentieth of the CPU an uncached reader page costs, in a profile of the
 * uncached benchmark). Request timings come from the HTTP server observation, which stays on;
 * sign-in failures are counted by the throttling of this module.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

}

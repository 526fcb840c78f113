package org.masthead.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	MediaStorage mediaStorage(MastheadProperties properties) {
		return new LocalMediaStorage(properties.dataDir().resolve("media"));
	}

}

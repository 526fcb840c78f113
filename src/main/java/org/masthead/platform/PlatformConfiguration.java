package org.masthead.platform;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Beans every module shares. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	PlatformTransactionManager transactionManager(DataSource dataSource) {
		return new SqliteAwareTransactionManager(dataSource);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	MediaStorage mediaStorage(MastheadProperties properties) {
		return new LocalMediaStorage(properties.dataDir().resolve("media"));
	}

}

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

	/** Local files by default; an S3-compatible bucket with {@code masthead.storage.type=s3}. */
	@Bean
	MediaStorage mediaStorage(MastheadProperties properties, StorageProperties storage) {
		return switch (storage.type()) {
			case LOCAL -> new LocalMediaStorage(properties.dataDir().resolve("media"));
			case S3 -> new S3MediaStorage(storage.s3());
		};
	}

}

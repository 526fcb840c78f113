package org.masthead.demo.internal;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.masthead.content.ArticleCatalog;
import org.masthead.content.MediaLibrary;
import org.masthead.content.Newsroom;
import org.masthead.platform.MastheadProperties;
import org.masthead.testing.MastheadIntegrationTest;
import org.masthead.testing.TestContent;
import org.masthead.testing.TestContent.Basics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo newsroom never touches a database that already holds journalism. */
@MastheadIntegrationTest
class DemoNewsroomLoaderIntegrationTests {

	@Autowired
	Newsroom newsroom;

	@Autowired
	MediaLibrary media;

	@Autowired
	ArticleCatalog catalog;

	@Autowired
	MastheadProperties properties;

	@Test
	void doesNotLoadIntoADatabaseWithArticles() {
		Basics basics = Basics.create(newsroom);
		long id = newsroom.createDraft(basics.draft(TestContent.unique("existing"), "Existing story", "<p>x</p>"));
		newsroom.publish(id, Instant.now());
		long before = catalog.publishedCount();

		MastheadProperties demoOn = new MastheadProperties(properties.dataDir(), true, properties.site(),
				properties.cache());
		new DemoNewsroomLoader(newsroom, media, demoOn, Clock.systemUTC()).run(new DefaultApplicationArguments());

		assertThat(catalog.publishedCount()).isEqualTo(before);
		assertThat(catalog.section("city")).isEmpty();
	}

}

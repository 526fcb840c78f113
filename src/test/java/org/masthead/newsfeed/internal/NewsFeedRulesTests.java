package org.masthead.newsfeed.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.masthead.newsfeed.InvalidNewsFeedItemException;
import org.masthead.newsfeed.NewsFeedItemDraft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewsFeedRulesTests {

	private static final Instant NOW = Instant.parse("2025-11-27T15:04:00Z");

	@Test
	void oneToThreeSentencesAreCountedAsAReaderWouldCountThem() {
		assertThat(NewsFeedRules.sentences("Trams run again.")).isEqualTo(1);
		assertThat(NewsFeedRules.sentences("Trams run again. The bridge held! Who paid?")).isEqualTo(3);
		assertThat(NewsFeedRules.sentences("No full stop at the end")).isEqualTo(1);
		assertThat(NewsFeedRules.sentences("“It works.” Said the mayor. Then left. Finally.")).isEqualTo(4);
	}

	@Test
	void aGoodItemIsTrimmedAndDatedNow() {
		NewsFeedItemDraft checked = NewsFeedRules.check(
				new NewsFeedItemDraft("  Bridge reopens  ", " Trams run again.\n\nTraffic is light. ", " /tram-line-7/ ", true,
						false, null), NOW);
		assertThat(checked.headline()).isEqualTo("Bridge reopens");
		assertThat(checked.body()).isEqualTo("Trams run again. Traffic is light.");
		assertThat(checked.articleSlug()).isEqualTo("tram-line-7");
		assertThat(checked.postedAt()).isEqualTo(NOW);
	}

	@Test
	void linksToThisSiteBecomeSlugs() {
		assertThat(NewsFeedRules.slug("https://news.example/tram-line-7/")).isEqualTo("tram-line-7");
		assertThat(NewsFeedRules.slug("")).isNull();
		assertThat(NewsFeedRules.slug(null)).isNull();
	}

	@Test
	void badItemsAreRefusedFieldByField() {
		assertThatThrownBy(() -> NewsFeedRules.check(new NewsFeedItemDraft("", "", null, false, false, null), NOW))
			.isInstanceOfSatisfying(InvalidNewsFeedItemException.class,
					ex -> assertThat(ex.errors()).containsOnlyKeys("headline", "body"));
		assertThatThrownBy(() -> NewsFeedRules.check(new NewsFeedItemDraft("x".repeat(151), "One.", null, false, false, null), NOW))
			.isInstanceOfSatisfying(InvalidNewsFeedItemException.class,
					ex -> assertThat(ex.errors()).containsOnlyKeys("headline"));
		assertThatThrownBy(() -> NewsFeedRules.check(new NewsFeedItemDraft("Four", "One. Two. Three. Four.", null, false, false, null), NOW))
			.isInstanceOfSatisfying(InvalidNewsFeedItemException.class,
					ex -> assertThat(ex.errors().get("body")).contains("one to three sentences"));
		assertThatThrownBy(() -> NewsFeedRules.check(new NewsFeedItemDraft("Line\nbreak", "One.", null, false, false, null), NOW))
			.isInstanceOf(InvalidNewsFeedItemException.class);
		assertThatThrownBy(() -> NewsFeedRules.check(new NewsFeedItemDraft("Link", "One.", "x' or 1=1 --", false, false, null), NOW))
			.isInstanceOfSatisfying(InvalidNewsFeedItemException.class,
					ex -> assertThat(ex.errors()).containsOnlyKeys("articleSlug"));
		assertThatThrownBy(() -> NewsFeedRules.check(
				new NewsFeedItemDraft("Later", "One.", null, false, false, NOW.plus(Duration.ofHours(1))), NOW))
			.isInstanceOfSatisfying(InvalidNewsFeedItemException.class,
					ex -> assertThat(ex.errors()).containsOnlyKeys("postedAt"));
		assertThatThrownBy(() -> NewsFeedRules.check(new NewsFeedItemDraft("Bell\u0007", "One.", null, false, false, null), NOW))
			.isInstanceOf(InvalidNewsFeedItemException.class);
	}

}

package org.masthead.demo.internal;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated stories: the shape an article needs, different from seed to seed, the same for one seed. */
class StoryWriterTests {

	@Test
	void storiesHaveTheShapeOfAnArticle() {
		Set<String> headlines = new HashSet<>();
		for (long n = 1; n <= 500; n++) {
			StoryWords.Beat beat = StoryWords.BEATS.values().stream().toList().get((int) (n % 5));
			StoryWriter.Story story = StoryWriter.write(beat, n * 104_729L, n);
			headlines.add(story.headline());
			assertThat(story.slug()).matches("[a-z0-9]+(-[a-z0-9]+)*-" + n).hasSizeLessThanOrEqualTo(100);
			assertThat(story.dek()).isNotBlank().doesNotContain("{");
			assertThat(story.heroAlt()).isNotBlank();
			String md = story.markdown();
			assertThat(md).doesNotContain("{", "}").contains("\n## ").contains("\n> \"");
			assertThat(md.split("\\s+").length).isBetween(400, 780);
			assertThat(md.split("\n\n").length).isGreaterThanOrEqualTo(7);
		}
		assertThat(headlines).hasSizeGreaterThan(450);
	}

	@Test
	void theSameSeedWritesTheSameStory() {
		assertThat(StoryWriter.write(StoryWords.CITY, 42, 7)).isEqualTo(StoryWriter.write(StoryWords.CITY, 42, 7));
		assertThat(StoryWriter.write(StoryWords.CITY, 42, 7)).isNotEqualTo(StoryWriter.write(StoryWords.CITY, 43, 7));
	}

}

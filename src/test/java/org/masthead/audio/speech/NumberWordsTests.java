package org.masthead.audio.speech;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberWordsTests {

	@Test
	void cardinals() {
		assertThat(NumberWords.cardinal(0)).isEqualTo("zero");
		assertThat(NumberWords.cardinal(21)).isEqualTo("twenty-one");
		assertThat(NumberWords.cardinal(180_000_000)).isEqualTo("one hundred eighty million");
		assertThat(NumberWords.cardinal(1_002_003)).isEqualTo("one million two thousand three");
		assertThat(NumberWords.cardinal(-40)).isEqualTo("minus forty");
	}

	@Test
	void ordinals() {
		assertThat(NumberWords.ordinal(1)).isEqualTo("first");
		assertThat(NumberWords.ordinal(26)).isEqualTo("twenty-sixth");
		assertThat(NumberWords.ordinal(12)).isEqualTo("twelfth");
		assertThat(NumberWords.ordinal(30)).isEqualTo("thirtieth");
		assertThat(NumberWords.ordinal(100)).isEqualTo("one hundredth");
	}

	@Test
	void years() {
		assertThat(NumberWords.year(1999)).isEqualTo("nineteen ninety-nine");
		assertThat(NumberWords.year(2005)).isEqualTo("two thousand five");
		assertThat(NumberWords.year(2024)).isEqualTo("twenty twenty-four");
		assertThat(NumberWords.year(1900)).isEqualTo("nineteen hundred");
		assertThat(NumberWords.year(1805)).isEqualTo("eighteen oh five");
	}

	@Test
	void decimalsAndLongNumbers() {
		assertThat(NumberWords.number("3.25")).isEqualTo("three point two five");
		assertThat(NumberWords.number("12,000")).isEqualTo("twelve thousand");
		assertThat(NumberWords.number("12345678901234567890")).startsWith("one two three");
	}

}

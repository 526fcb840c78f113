package org.masthead.audio.speech;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Written English to speech text, case by case. */
class SpeechNormaliserTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Talks resume on Dec. 26                      | Talks resume on December twenty-sixth
			Talks resume on Dec 26, 2024                 | Talks resume on December twenty-sixth, twenty twenty-four
			It opened on 3 March 1999                    | It opened on the third of March, nineteen ninety-nine
			Due on 2025-01-07                            | Due on January seventh, twenty twenty-five
			The train left at 5:04 PM                    | The train left at five oh four P M
			Doors open at 7 p.m. sharp                   | Doors open at seven P M sharp
			The vote closed at 17:30                     | The vote closed at seventeen thirty
			A €180 million loan                          | A one hundred eighty million euros loan
			Worth $3.5bn now                             | Worth three point five billion dollars now
			It costs $3.50                               | It costs three dollars and fifty cents
			Rents rose 12% in a year                     | Rents rose twelve percent in a year
			Turnout was 61.5 per cent                    | Turnout was sixty-one point five percent
			About 12,000 people came                     | About twelve thousand people came
			Mr. Koval met Dr. Ivanenko                   | Mister Koval met Doctor Ivanenko
			He lives on Harbour St. near the port        | He lives on Harbour Street near the port
			They flew to St. Petersburg                  | They flew to Saint Petersburg
			Platform No. 7 is closed                     | Platform number seven is closed
			The 1990s were hard                          | The nineteen nineties were hard
			From 2020-2024 prices doubled                | From twenty twenty to twenty twenty-four prices doubled
			She came 2nd in the 21st race                | She came second in the twenty-first race
			Temperatures fell to -5 overnight            | Temperatures fell to minus five overnight
			Road & rail                                  | Road and rail
			""")
	void saysItTheWayANewsreaderWould(String written, String spoken) {
		assertThat(SpeechNormaliser.normalise(written)).isEqualTo(spoken);
	}

	@Test
	void curlyQuotesAndDashesBecomePlainPunctuation() {
		assertThat(SpeechNormaliser.normalise("“It’s over,” she said — and left."))
			.isEqualTo("It's over, she said, and left.");
	}

	@Test
	void lettersFromOtherAlphabetsAndAccentsAreTransliterated() {
		assertThat(SpeechNormaliser.normalise("Café in Kraków, Київ")).isEqualTo("Cafe in Krakow, Kyyiv");
	}

	@Test
	void schemeShellAndSsmlAreReadAsWordsNotSyntax() {
		String spoken = SpeechNormaliser.normalise("(system \"rm -rf /\") $(reboot) `id` <speak><break time=\"9s\"/></speak>");
		assertThat(spoken).matches(SpeechNormaliser.SAFE).doesNotContain("(", ")", "\"", "<", ">", "$", "`", "/");
		assertThat(spoken).contains("system", "rm", "rf", "reboot", "speak", "break", "time");
	}

	@Test
	void paragraphsEndInSentencePunctuation() {
		assertThat(SpeechNormaliser.paragraph("Tram line 7 reopens")).isEqualTo("Tram line seven reopens.");
		assertThat(SpeechNormaliser.paragraph("Is it over?")).isEqualTo("Is it over?");
		assertThat(SpeechNormaliser.paragraph("“…”")).isEmpty();
	}

}

package org.masthead.audio.speech;

/**
 * Numbers as English words, the way a newsreader says them: cardinals, ordinals, years in pairs
 * ("twenty twenty-four") and decimals digit by digit after the point.
 */
public final class NumberWords {

	private static final String[] SMALL = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
			"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
			"nineteen" };

	private static final String[] TENS = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
			"ninety" };

	private static final String[] SCALES = { "", "thousand", "million", "billion", "trillion", "quadrillion",
			"quintillion" };

	private NumberWords() {
	}

	/** "one hundred twenty-three thousand four hundred fifty-six". */
	public static String cardinal(long n) {
		if (n < 0) {
			return "minus " + cardinal(n == Long.MIN_VALUE ? Long.MAX_VALUE : -n);
		}
		if (n < 1000) {
			return belowThousand((int) n);
		}
		StringBuilder words = new StringBuilder();
		int scale = 0;
		long rest = n;
		String[] parts = new String[SCALES.length];
		while (rest > 0) {
			int group = (int) (rest % 1000);
			if (group > 0) {
				parts[scale] = belowThousand(group) + (scale > 0 ? " " + SCALES[scale] : "");
			}
			rest /= 1000;
			scale++;
		}
		for (int i = parts.length - 1; i >= 0; i--) {
			if (parts[i] != null) {
				if (words.length() > 0) {
					words.append(' ');
				}
				words.append(parts[i]);
			}
		}
		return words.toString();
	}

	private static String belowThousand(int n) {
		if (n < 20) {
			return SMALL[n];
		}
		if (n < 100) {
			return TENS[n / 10] + (n % 10 == 0 ? "" : "-" + SMALL[n % 10]);
		}
		return SMALL[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + belowThousand(n % 100));
	}

	/** "first", "twenty-sixth", "one hundredth". */
	public static String ordinal(long n) {
		String words = cardinal(n);
		int cut = Math.max(words.lastIndexOf(' '), words.lastIndexOf('-')) + 1;
		String last = words.substring(cut);
		String head = words.substring(0, cut);
		return head + switch (last) {
			case "one" -> "first";
			case "two" -> "second";
			case "three" -> "third";
			case "five" -> "fifth";
			case "eight" -> "eighth";
			case "nine" -> "ninth";
			case "twelve" -> "twelfth";
			default -> last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
		};
	}

	/** A year as said aloud: "nineteen ninety-nine", "two thousand five", "twenty twenty-four". */
	public static String year(int year) {
		if (year < 1000 || year > 9999) {
			return cardinal(year);
		}
		int high = year / 100;
		int low = year % 100;
		if (low == 0) {
			return year % 1000 == 0 ? cardinal(year) : cardinal(high) + " hundred";
		}
		if (high == 20 && low < 10) {
			return cardinal(year);
		}
		return cardinal(high) + " " + (low < 10 ? "oh " + SMALL[low] : cardinal(low));
	}

	/**
	 * A number written with digits, an optional decimal point and thousands separators: "3.5" is
	 * "three point five", "12,000" is "twelve thousand". Very long digit strings are read digit by digit.
	 */
	public static String number(String digits) {
		String plain = digits.replace(",", "");
		int point = plain.indexOf('.');
		String whole = point < 0 ? plain : plain.substring(0, point);
		String fraction = point < 0 ? "" : plain.substring(point + 1);
		StringBuilder words = new StringBuilder();
		if (whole.isEmpty()) {
			words.append("zero");
		}
		else if (whole.length() > 15) {
			words.append(digitByDigit(whole));
		}
		else {
			words.append(cardinal(Long.parseLong(whole)));
		}
		if (!fraction.isEmpty()) {
			words.append(" point ").append(digitByDigit(fraction));
		}
		return words.toString();
	}

	/** "four oh two" style is for times; this says every digit: "zero four two". */
	public static String digitByDigit(String digits) {
		StringBuilder words = new StringBuilder();
		for (char c : digits.toCharArray()) {
			if (c >= '0' && c <= '9') {
				if (words.length() > 0) {
					words.append(' ');
				}
				words.append(SMALL[c - '0']);
			}
		}
		return words.toString();
	}

}

package org.masthead.audio.speech;

import java.util.HashMap;
import java.util.Map;

/**
 * Latin spellings for letters that have no accent to strip: Ukrainian and Russian Cyrillic (the
 * Ukrainian national system), Greek, and the Latin letters Unicode does not decompose (ß, ø, ł...).
 */
final class Transliteration {

	private static final Map<Character, String> LATIN = new HashMap<>();

	static {
		String[] pairs = { "ß", "ss", "æ", "ae", "Æ", "Ae", "ø", "o", "Ø", "O", "œ", "oe", "Œ", "Oe", "ł", "l", "Ł", "L",
				"đ", "d", "Đ", "D", "ħ", "h", "Ħ", "H", "ı", "i", "þ", "th", "Þ", "Th", "ð", "d", "Ð", "D", "ŋ", "ng",
				// Cyrillic
				"а", "a", "б", "b", "в", "v", "г", "h", "ґ", "g", "д", "d", "е", "e", "є", "ye", "ё", "yo", "ж", "zh",
				"з", "z", "и", "y", "і", "i", "ї", "yi", "й", "y", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o",
				"п", "p", "р", "r", "с", "s", "т", "t", "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh",
				"щ", "shch", "ь", "", "ъ", "", "ы", "y", "э", "e", "ю", "yu", "я", "ya",
				"А", "A", "Б", "B", "В", "V", "Г", "H", "Ґ", "G", "Д", "D", "Е", "E", "Є", "Ye", "Ё", "Yo", "Ж", "Zh",
				"З", "Z", "И", "Y", "І", "I", "Ї", "Yi", "Й", "Y", "К", "K", "Л", "L", "М", "M", "Н", "N", "О", "O",
				"П", "P", "Р", "R", "С", "S", "Т", "T", "У", "U", "Ф", "F", "Х", "Kh", "Ц", "Ts", "Ч", "Ch", "Ш", "Sh",
				"Щ", "Shch", "Ь", "", "Ъ", "", "Ы", "Y", "Э", "E", "Ю", "Yu", "Я", "Ya",
				// Greek
				"α", "a", "β", "v", "γ", "g", "δ", "d", "ε", "e", "ζ", "z", "η", "i", "θ", "th", "ι", "i", "κ", "k",
				"λ", "l", "μ", "m", "ν", "n", "ξ", "x", "ο", "o", "π", "p", "ρ", "r", "σ", "s", "ς", "s", "τ", "t",
				"υ", "y", "φ", "f", "χ", "ch", "ψ", "ps", "ω", "o", "Α", "A", "Β", "V", "Γ", "G", "Δ", "D", "Ε", "E",
				"Ζ", "Z", "Η", "I", "Θ", "Th", "Ι", "I", "Κ", "K", "Λ", "L", "Μ", "M", "Ν", "N", "Ξ", "X", "Ο", "O",
				"Π", "P", "Ρ", "R", "Σ", "S", "Τ", "T", "Υ", "Y", "Φ", "F", "Χ", "Ch", "Ψ", "Ps", "Ω", "O" };
		for (int i = 0; i < pairs.length; i += 2) {
			LATIN.put(pairs[i].charAt(0), pairs[i + 1]);
		}
	}

	private Transliteration() {
	}

	/** The Latin spelling of a letter, or null when Unicode decomposition is enough (or nothing helps). */
	static String latin(char c) {
		return LATIN.get(c);
	}

}

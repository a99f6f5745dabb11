package vn.motcua.intake;

/**
 * What a text typed by a person may contain: printable characters of any script and, in
 * multi-line fields, line breaks and tabs. Refused: control characters (NUL, BEL, ESC…),
 * direction overrides and isolates that make a name read differently from how it is stored,
 * invisible format characters (zero-width space and joiners, word joiner, BOM, soft hyphen),
 * lone surrogates (not text at all) and anything longer than {@link #MAX_LENGTH} characters
 * (the width of the text columns and variables).
 */
public final class PlainText {

	/** The widest text column (and Camunda's string variable column) holds 4,000 characters. */
	public static final int MAX_LENGTH = 4000;

	private PlainText() {
	}

	/**
	 * The bundle code of what is wrong with the text, or null when it is plain text.
	 * @param multiline whether line breaks and tabs are allowed
	 */
	public static String problem(String text, boolean multiline, int maxLength) {
		if (text.length() > Math.min(maxLength, MAX_LENGTH)) {
			return "intake.text.tooLong";
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "intake.text.surrogate";
			}
			if (Character.isLowSurrogate(c)) {
				return "intake.text.surrogate";
			}
			if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
				return "intake.text.control";
			}
			if (isDirectionControl(c)) {
				return "intake.text.direction";
			}
			if (isInvisible(c)) {
				return "intake.text.invisible";
			}
		}
		return null;
	}

	/** Whether nothing would be seen of the text: empty, spaces or invisible characters only. */
	public static boolean looksEmpty(String text) {
		return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c));
	}

	private static boolean isDirectionControl(int c) {
		return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	private static boolean isInvisible(int c) {
		return (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x180E;
	}

}

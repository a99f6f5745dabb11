package vn.motcua.rating;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.util.Locale;

/** Numbers as the satisfaction pages show them: one decimal, comma as the decimal separator in Vietnamese. */
final class RatingTexts {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	private RatingTexts() {
	}

	static String score(Double value, Locale locale) {
		return value == null ? "—" : new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale)).format(value);
	}

	static String percent(Double share, Locale locale) {
		return share == null ? "—"
				: new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale)).format(share * 100) + " %";
	}

}

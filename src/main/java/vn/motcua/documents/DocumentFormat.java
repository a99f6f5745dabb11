package vn.motcua.documents;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Dates, times and day counts as the forms print them (Vietnam time), for templates: {@code @documentFormat}. */
@Component("documentFormat")
public class DocumentFormat {

	static final ZoneId ZONE = LegalBasis.ZONE;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** "09 giờ 00 phút, ngày 13/02/2026"; empty for null. */
	public String time(Date at) {
		return at == null ? "" : TIME.format(at.toInstant().atZone(ZONE));
	}

	/** "13/02/2026"; empty for null. */
	public String day(Date at) {
		return at == null ? "" : DAY.format(at.toInstant().atZone(ZONE));
	}

	/** "3", "0,5": a number of working days. */
	public String days(BigDecimal days) {
		return days == null ? "" : days.stripTrailingZeros().toPlainString().replace('.', ',');
	}

	/** Two digits at least: "01". */
	public String twoDigits(int n) {
		return String.format("%02d", n);
	}

}

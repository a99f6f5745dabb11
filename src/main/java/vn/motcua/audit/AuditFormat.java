package vn.motcua.audit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Vietnamese formats in Asia/Ho_Chi_Minh whatever the JVM zone: {@code ${@auditFormat.time(d)}}. */
@Component("auditFormat")
class AuditFormat {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

	static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);

	static final Instant BASIS_2025 = LocalDate.of(2025, 7, 1).atStartOfDay(ZONE).toInstant();

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

	public String time(Date date) {
		return date == null ? "" : TIME.format(date.toInstant());
	}

	/** The hour and minute, {@code 09:30}. */
	public String hour(Date date) {
		return date == null ? "" : HOUR.format(date.toInstant());
	}

	/**
	 * The legal basis whose form set applies to a dossier received at that time: {@code 2018} (Circular
	 * 01/2018/TT-VPCP) before 1/7/2025, else {@code 2025} (Circular 03/2025/TT-VPCP).
	 */
	public String basis(Date received) {
		return received != null && received.toInstant().isBefore(BASIS_2025) ? "2018" : "2025";
	}

	public String day(Date date) {
		return date == null ? "" : DAY.format(date.toInstant());
	}

	public String days(Object value) {
		if (value == null) {
			return "";
		}
		BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
		return d.stripTrailingZeros().toPlainString().replace('.', ',');
	}

}

package vn.motcua.audit;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.stereotype.Component;

/** Vietnamese formats in Asia/Ho_Chi_Minh whatever the JVM zone: {@code ${@auditFormat.time(d)}}. */
@Component("auditFormat")
class AuditFormat {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZONE);

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZONE);

	public String time(Date date) {
		return date == null ? "" : TIME.format(date.toInstant());
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

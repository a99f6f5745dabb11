package vn.motcua.system;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Times on the officials' pages in Asia/Ho_Chi_Minh whatever the JVM zone:
 * {@code ${@pageFormat.time(d)}} gives {@code 08:15 13/02/2026}.
 */
@Component("pageFormat")
class PageFormat {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	public String time(Date date) {
		return date == null ? "" : TIME.format(date.toInstant());
	}

}

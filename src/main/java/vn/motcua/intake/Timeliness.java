package vn.motcua.intake;

import java.time.ZoneId;
import java.util.Date;

/**
 * How a dossier or a step finished against its due instant: before the due day (EARLY), on the
 * due day and not after the due instant (ON_TIME), or after it (LATE). Days are days of
 * Asia/Ho_Chi_Minh.
 */
public enum Timeliness {

	EARLY, ON_TIME, LATE;

	public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	public static Timeliness of(Date finishedAt, Date due) {
		if (finishedAt.after(due)) {
			return LATE;
		}
		var finishedDay = finishedAt.toInstant().atZone(ZONE).toLocalDate();
		var dueDay = due.toInstant().atZone(ZONE).toLocalDate();
		return finishedDay.isBefore(dueDay) ? EARLY : ON_TIME;
	}

}

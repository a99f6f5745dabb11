package vn.motcua.calendarfollow;

import java.util.Date;

/** One deadline moved by a calendar change. */
record Move(Deadline deadline, String stepName, Date from, Date to) {
}

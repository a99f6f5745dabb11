/**
 * Legal deadlines: the working-day calendar of Vietnamese administrative procedures.
 * <p>
 * Deadlines are counted in working days (ngày làm việc) of office time in the
 * Asia/Ho_Chi_Minh zone: weekends, public holidays of the Labour Code, compensatory days,
 * swapped days off and make-up Saturdays are taken from one data file per year
 * ({@code classpath:calendar/<year>.yaml}, overridable from {@code motcua.calendar.directory}).
 * A year without a file gets a provisional schedule computed from the Labour Code rules and
 * the Vietnamese lunar calendar.
 * <p>
 * The arithmetic lives in the plain {@link vn.motcua.deadline.WorkingCalendar} (no Spring, no
 * Camunda). {@link vn.motcua.deadline.LegalCalendar} is the public bean {@code legalCalendar}
 * that BPMN expressions and delegates call; the REST API ({@code /api/calendar/**}) and the
 * desk page ({@code /calendar}) are read-only views. Everything else is package-private.
 */
package vn.motcua.deadline;

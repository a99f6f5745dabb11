package vn.motcua.deadline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.errors.ClientMistake;

/** Read-only API of the legal calendar, public. Times are local to Asia/Ho_Chi_Minh. */
@RestController
@RequestMapping("/api/calendar")
class CalendarApiController {

	private final LegalCalendar calendar;

	private final CalendarTexts texts;

	CalendarApiController(LegalCalendar calendar, CalendarTexts texts) {
		this.calendar = calendar;
		this.texts = texts;
	}

	record DeadlineView(LocalDateTime start, LocalDateTime effectiveStart, LocalDateTime due, double workingDays,
			boolean provisional, String dueText) {
	}

	record DayView(LocalDate date, String kind, String kindText, String reason) {
	}

	record DaysView(int year, boolean provisional, String source, List<DayView> days) {
	}

	/** {@code GET /api/calendar/deadline?start=2026-02-13T10:00&workingDays=1&sameDay=false} */
	@GetMapping("/deadline")
	DeadlineView deadline(@RequestParam(required = false) String start, @RequestParam String workingDays,
			@RequestParam(defaultValue = "false") boolean sameDay) {
		Deadline d = compute(calendar, start, workingDays, sameDay);
		return new DeadlineView(d.start(), d.effectiveStart(), d.due(), d.workingDays(), d.provisional(),
				texts.dateTime(d.due()));
	}

	/** {@code GET /api/calendar/days?year=2026} */
	@GetMapping("/days")
	DaysView days(@RequestParam(required = false) Integer year) {
		int y = year != null ? year : calendar.now().getYear();
		if (y < WorkingCalendar.MIN_YEAR || y > WorkingCalendar.MAX_YEAR) {
			throw new BadRequest("calendar.error.year");
		}
		YearSchedule schedule = calendar.schedule(y);
		List<DayView> days = schedule.days()
			.stream()
			.map(day -> new DayView(day.date(), day.kind().code(), texts.kind(day.kind()), texts.reason(day)))
			.toList();
		return new DaysView(y, schedule.provisional(), schedule.source(), days);
	}

	/** Parses and computes a deadline; {@link BadRequest} names the faulty parameter. */
	static Deadline compute(LegalCalendar calendar, String start, String workingDays, boolean sameDay) {
		LocalDateTime s;
		try {
			s = start == null || start.isBlank() ? calendar.now() : LocalDateTime.parse(start.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadRequest("calendar.error.start");
		}
		if (s.getYear() < WorkingCalendar.MIN_YEAR || s.getYear() >= WorkingCalendar.MAX_YEAR - 30) {
			throw new BadRequest("calendar.error.year");
		}
		double days;
		try {
			days = Double.parseDouble(workingDays.strip().replace(',', '.'));
			return calendar.deadline(s, days, sameDay);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequest("calendar.error.workingDays");
		}
	}

	/** A bad parameter; the message is the bundle code. */
	static class BadRequest extends RuntimeException implements ClientMistake {

		BadRequest(String code) {
			super(code, null, false, false);
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.BAD_REQUEST;
		}

	}

}

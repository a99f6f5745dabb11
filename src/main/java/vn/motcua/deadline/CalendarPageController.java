package vn.motcua.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The desk staff's page: a month of the calendar and "if received now, when is it due?". */
@Controller
class CalendarPageController {

	static final String VIEW = "calendar/calendar";

	private final LegalCalendar calendar;

	private final CalendarTexts texts;

	CalendarPageController(LegalCalendar calendar, CalendarTexts texts) {
		this.calendar = calendar;
		this.texts = texts;
	}

	/** One cell of the month grid. */
	record Cell(LocalDate date, boolean inMonth, boolean working, String kind, String reason, boolean today) {
	}

	/** A listed day of the month, with its texts. */
	record Listed(LocalDate date, String kind, String kindText, String reason) {
	}

	record Result(String effectiveStart, String due, boolean provisional) {
	}

	@GetMapping("/calendar")
	String page(@RequestParam(required = false) String month, @RequestParam(required = false) String start,
			@RequestParam(required = false) String workingDays, @RequestParam(defaultValue = "false") boolean sameDay,
			Model model) {
		LocalDateTime now = calendar.now().truncatedTo(ChronoUnit.MINUTES);
		YearMonth shown;
		try {
			shown = month == null || month.isBlank() ? YearMonth.from(now) : YearMonth.parse(month.strip());
			if (shown.getYear() <= WorkingCalendar.MIN_YEAR || shown.getYear() >= WorkingCalendar.MAX_YEAR) {
				throw new DateTimeParseException("out of range", month, 0);
			}
		}
		catch (DateTimeParseException ex) {
			model.addAttribute("error", texts.get("calendar.error.month"));
			shown = YearMonth.from(now);
		}
		YearSchedule schedule = calendar.schedule(shown.getYear());
		Map<LocalDate, CalendarDay> listed = new HashMap<>();
		List<Listed> listedInMonth = new ArrayList<>();
		for (CalendarDay day : schedule.days()) {
			listed.put(day.date(), day);
			if (YearMonth.from(day.date()).equals(shown)) {
				listedInMonth.add(new Listed(day.date(), day.kind().code(), texts.kind(day.kind()), texts.reason(day)));
			}
		}
		List<List<Cell>> weeks = new ArrayList<>();
		LocalDate first = shown.atDay(1).with(DayOfWeek.MONDAY);
		for (LocalDate d = first; !d.isAfter(shown.atEndOfMonth()); d = d.plusWeeks(1)) {
			List<Cell> week = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				LocalDate day = d.plusDays(i);
				boolean inMonth = YearMonth.from(day).equals(shown);
				CalendarDay entry = inMonth ? listed.get(day) : null;
				week.add(new Cell(day, inMonth, inMonth && calendar.isWorkingDay(day),
						entry != null ? entry.kind().code() : null, entry != null ? texts.reason(entry) : null,
						day.equals(now.toLocalDate())));
			}
			weeks.add(week);
		}
		model.addAttribute("month", shown);
		model.addAttribute("monthText", String.format("%02d/%d", shown.getMonthValue(), shown.getYear()));
		model.addAttribute("prev", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("weekdays",
				List.of(1, 2, 3, 4, 5, 6, 7).stream().map(i -> texts.get("calendar.weekday.short." + i)).toList());
		model.addAttribute("weeks", weeks);
		model.addAttribute("listed", listedInMonth);
		model.addAttribute("provisional", schedule.provisional());
		model.addAttribute("source", schedule.source());
		model.addAttribute("year", String.valueOf(shown.getYear()));
		model.addAttribute("sessions", calendar.sessions());

		model.addAttribute("start", start == null || start.isBlank() ? now.toString() : start);
		model.addAttribute("workingDays", workingDays == null ? "1" : workingDays);
		model.addAttribute("sameDay", sameDay);
		if (workingDays != null) {
			try {
				Deadline d = CalendarApiController.compute(calendar, start, workingDays, sameDay);
				model.addAttribute("result", new Result(texts.dateTime(d.effectiveStart()), texts.dateTime(d.due()),
						d.provisional()));
			}
			catch (CalendarApiController.BadRequest ex) {
				model.addAttribute("formError", texts.get(ex.getMessage()));
			}
		}
		return VIEW;
	}

}

package vn.motcua.audit;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.documents.DossierDocuments;
import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.OfficialForm;
import vn.motcua.documents.PdfRenderer;
import vn.motcua.documents.SignedCopies;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.LogbookNumbers;
import vn.motcua.notification.Notifications;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * The auditors' area. Read-only: every mapping is a GET except the chain verification, which only
 * reads. Dossiers outside the user's {@link AuditScope} answer 404 (their existence is not
 * disclosed); a logbook of another unit answers 403.
 */
@Controller
class AuditController {

	static final int EXPORT_MAX = 500_000;

	static final int LOGBOOK_PAGE_MAX = 5_000;

	private final AuditQueries queries;

	private final DossierTimeline timeline;

	private final AuditVerifier verifier;

	private final AuditSealer sealer;

	private final AuditSeals seals;

	private final Officials officials;

	private final Organisation organisation;

	private final PdfRenderer pdf;

	private final MessageSource messages;

	private final LogbookNumbers logbookNumbers;

	private final DossierDocuments documents;

	private final Dossiers dossiers;

	private final Notifications notifications;

	private final IssuedPdfs issued;

	private final SignedCopies signedCopies;

	AuditController(AuditQueries queries, DossierTimeline timeline, AuditVerifier verifier, AuditSealer sealer,
			AuditSeals seals, Officials officials, Organisation organisation, PdfRenderer pdf,
			MessageSource messageSource, LogbookNumbers logbookNumbers, DossierDocuments documents,
			Dossiers dossiers, Notifications notifications, IssuedPdfs issued, SignedCopies signedCopies) {
		this.signedCopies = signedCopies;
		this.notifications = notifications;
		this.issued = issued;
		this.logbookNumbers = logbookNumbers;
		this.documents = documents;
		this.dossiers = dossiers;
		this.queries = queries;
		this.timeline = timeline;
		this.verifier = verifier;
		this.sealer = sealer;
		this.seals = seals;
		this.officials = officials;
		this.organisation = organisation;
		this.pdf = pdf;
		this.messages = messageSource;
	}

	@GetMapping("/audit")
	String search(DossierSearch search, Authentication authentication, Model model) {
		AuditScope scope = AuditScope.of(authentication);
		AuditQueries.Page page = this.queries.search(search, scope, ClockUtil.getCurrentTime());
		model.addAttribute("search", search);
		model.addAttribute("result", page);
		model.addAttribute("now", ClockUtil.getCurrentTime());
		model.addAttribute("scope", scope);
		model.addAttribute("units", this.organisation.units());
		model.addAttribute("procedures", this.queries.procedures());
		model.addAttribute("statuses", DossierSearch.STATUSES);
		model.addAttribute("timelinessValues", DossierSearch.TIMELINESS);
		model.addAttribute("sorts", DossierSearch.SORTS);
		model.addAttribute("query", query(search, null, null));
		model.addAttribute("pageLink", (Function<Integer, String>) p -> query(search.withPage(p), null, null));
		model.addAttribute("sortLink", (Function<String, String>) s -> query(search.withSort(s,
				s.equals(search.sortKey()) && !search.ascending() ? "asc" : "desc"), null, null));
		return "audit/search";
	}

	@GetMapping("/audit/export.csv")
	void exportCsv(DossierSearch search, Authentication authentication, Locale locale, HttpServletResponse response)
			throws IOException {
		attachment(response, "text/csv;charset=UTF-8", "ho-so.csv");
		try (Exports.Table table = Exports.csv(response.getOutputStream())) {
			writeSearch(table, search, AuditScope.of(authentication), locale);
		}
	}

	@GetMapping("/audit/export.xlsx")
	void exportXlsx(DossierSearch search, Authentication authentication, Locale locale, HttpServletResponse response)
			throws IOException {
		attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "ho-so.xlsx");
		try (Exports.Table table = Exports.xlsx(response.getOutputStream(), "Hồ sơ")) {
			writeSearch(table, search, AuditScope.of(authentication), locale);
		}
	}

	@GetMapping("/audit/dossiers/{code}")
	String dossier(@PathVariable String code, Authentication authentication, Model model, Locale locale) {
		model.addAttribute("view", view(code, authentication));
		model.addAttribute("documents", this.documents.available(this.dossiers.get(code), locale));
		model.addAttribute("notifications", this.notifications.forDossier(code));
		model.addAttribute("now", ClockUtil.getCurrentTime());
		return "audit/dossier";
	}

	@GetMapping("/audit/dossiers/{code}/control-sheet")
	String controlSheet(@PathVariable String code, Authentication authentication, Model model) {
		DossierTimeline.View view = view(code, authentication);
		model.addAttribute("view", view);
		model.addAttribute("pdf", false);
		model.addAttribute("maySign", this.signedCopies.mayAsk(view.dossier().receivingUnit(), authentication));
		return "audit/control-sheet";
	}

	/**
	 * The control sheet (form 05/06) as an A4 PDF; with {@code signed=true} signed by the dossier's
	 * receiving unit, which only that unit's supervisors may ask for.
	 */
	@GetMapping("/audit/dossiers/{code}/control-sheet.pdf")
	ResponseEntity<byte[]> controlSheetPdf(@PathVariable String code,
			@RequestParam(defaultValue = "false") boolean signed, Authentication authentication, Locale locale) {
		DossierTimeline.View view = view(code, authentication);
		String unit = view.dossier().receivingUnit();
		if (signed) {
			this.signedCopies.check(unit, authentication, "audit.signed.refused");
		}
		Map<String, Object> model = new HashMap<>();
		model.put("view", view);
		return this.issued.answer(this.pdf.pdf("audit/control-sheet", model, locale), "phieu-kiem-soat-" + code + ".pdf",
				unit, this.documents.signatureReason(OfficialForm.CONTROL_SHEET, this.dossiers.get(code)), signed);
	}

	@GetMapping("/audit/logbook")
	String logbook(@RequestParam(required = false) String unit, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Authentication authentication, Model model) {
		AuditScope scope = AuditScope.of(authentication);
		List<Unit> units = this.organisation.units().stream().filter(u -> scope.sees(u.code())).toList();
		String chosen = unit != null ? unit
				: this.queries.lastReceivingUnit(units.stream().map(Unit::code).toList())
					.or(() -> units.stream().filter(u -> u.functions().contains("desk")).findFirst().map(Unit::code))
					.or(() -> units.stream().findFirst().map(Unit::code))
					.orElse(null);
		LocalDate f = from != null ? from : LocalDate.now(AuditFormat.ZONE).withDayOfMonth(1);
		LocalDate t = to != null ? to : LocalDate.now(AuditFormat.ZONE);
		model.addAllAttributes(logbookModel(chosen, f, t, scope, LOGBOOK_PAGE_MAX));
		model.addAttribute("units", units);
		model.addAttribute("pdf", false);
		model.addAttribute("maySign", this.signedCopies.mayAsk(chosen, authentication));
		return "audit/logbook";
	}

	@GetMapping("/audit/logbook.pdf")
	ResponseEntity<byte[]> logbookPdf(@RequestParam String unit, @RequestParam LocalDate from,
			@RequestParam LocalDate to, @RequestParam(defaultValue = "false") boolean signed,
			Authentication authentication, Locale locale) {
		Map<String, Object> model = logbookModel(unit, from, to, AuditScope.of(authentication), LOGBOOK_PAGE_MAX);
		if (signed) {
			this.signedCopies.check(unit, authentication, "audit.signed.refused");
		}
		String reason = this.messages.getMessage("audit.logbook.signatureReason",
				new Object[] { model.get("unitName"), model.get("fromText"), model.get("toText") },
				Locale.forLanguageTag("vi"));
		return this.issued.answer(this.pdf.pdf("audit/logbook", model, locale), "so-theo-doi-" + unit + ".pdf", unit,
				reason, signed);
	}

	@GetMapping("/audit/logbook.csv")
	void logbookCsv(@RequestParam String unit, @RequestParam LocalDate from, @RequestParam LocalDate to,
			Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
		checkUnit(unit, AuditScope.of(authentication));
		attachment(response, "text/csv;charset=UTF-8", "so-theo-doi-" + unit + ".csv");
		try (Exports.Table table = Exports.csv(response.getOutputStream())) {
			writeLogbook(table, unit, from, to, locale);
		}
	}

	@GetMapping("/audit/logbook.xlsx")
	void logbookXlsx(@RequestParam String unit, @RequestParam LocalDate from, @RequestParam LocalDate to,
			Authentication authentication, Locale locale, HttpServletResponse response) throws IOException {
		checkUnit(unit, AuditScope.of(authentication));
		attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"so-theo-doi-" + unit + ".xlsx");
		try (Exports.Table table = Exports.xlsx(response.getOutputStream(), "Sổ theo dõi")) {
			writeLogbook(table, unit, from, to, locale);
		}
	}

	@GetMapping("/audit/integrity")
	String integrity(Model model) {
		model.addAttribute("verification", null);
		model.addAttribute("lastSeal", this.seals.last().orElse(null));
		return "audit/integrity";
	}

	/**
	 * Recomputes the chains ({@code full}: every entry from the first), or seals the current heads
	 * ({@code action=seal}, in a transaction of its own, like the scheduled sealing).
	 */
	@PostMapping("/audit/integrity")
	String verify(@RequestParam(defaultValue = "false") boolean full,
			@RequestParam(defaultValue = "verify") String action, Model model) {
		if ("seal".equals(action)) {
			AuditSealer.Outcome outcome = this.sealer.seal();
			model.addAttribute("verification", outcome.verification());
			model.addAttribute("sealed", outcome.seal().orElse(null));
		}
		else {
			model.addAttribute("verification", full ? this.verifier.verifyFull() : this.verifier.verify());
		}
		model.addAttribute("lastSeal", this.seals.last().orElse(null));
		return "audit/integrity";
	}

	/** The seals, printable (auditors and administrators): keep a printed copy outside the system. */
	@GetMapping("/audit/integrity/seals")
	String seals(Authentication authentication, Model model) {
		boolean allowed = authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_AUDITOR") || a.getAuthority().equals("ROLE_ADMIN"));
		if (!allowed) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("seals", this.seals.all());
		model.addAttribute("keyId", this.seals.keyId());
		return "audit/seals";
	}

	private DossierTimeline.View view(String code, Authentication authentication) {
		return this.timeline.of(code, AuditScope.of(authentication))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Map<String, Object> logbookModel(String unit, LocalDate from, LocalDate to, AuditScope scope, int max) {
		Map<String, Object> model = new HashMap<>();
		List<AuditQueries.LogbookRow> rows = new ArrayList<>();
		if (unit != null) {
			checkUnit(unit, scope);
			this.queries.logbook(unit, from, to, ClockUtil.getCurrentTime(), max + 1, rows::add);
		}
		boolean truncated = rows.size() > max;
		List<AuditQueries.LogbookRow> shown = truncated ? rows.subList(0, max) : rows;
		Map<String, Integer> numbers = this.logbookNumbers
			.numbers(shown.stream().map(r -> r.dossier().code()).toList());
		model.put("rows", shown.stream().map(r -> r.numbered(numbers.getOrDefault(r.dossier().code(), 0))).toList());
		model.put("truncated", truncated);
		model.put("unit", unit);
		model.put("unitName", this.officials.unit(unit));
		model.put("from", from);
		model.put("to", to);
		model.put("fromText", String.format("%02d/%02d/%d", from.getDayOfMonth(), from.getMonthValue(), from.getYear()));
		model.put("toText", String.format("%02d/%02d/%d", to.getDayOfMonth(), to.getMonthValue(), to.getYear()));
		model.put("basis", to.isBefore(LocalDate.of(2025, 7, 1)) ? "2018" : "2025");
		return model;
	}

	private void checkUnit(String unit, AuditScope scope) {
		if (this.organisation.find(unit).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!scope.sees(unit)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private void writeSearch(Exports.Table table, DossierSearch search, AuditScope scope, Locale locale) {
		Date now = ClockUtil.getCurrentTime();
		table.row(List.of(msg("audit.col.code", locale), msg("audit.col.procedure", locale),
				msg("audit.col.receivingUnit", locale), msg("audit.col.applicant", locale),
				msg("audit.col.receivedAt", locale), msg("audit.col.originalDue", locale), msg("audit.col.dueAt", locale),
				msg("audit.col.status", locale), msg("audit.col.finishedAt", locale),
				msg("audit.col.timeliness", locale)));
		this.queries.stream(search, scope, now, EXPORT_MAX, d -> table.row(cells(d.code(), d.procedureName(),
				this.officials.unit(d.receivingUnit()), d.applicantName(), d.receivedAt(), d.originalDue(), d.dueAt(),
				msg("audit.status." + d.statusKey(), locale), d.finishedAt(),
				msg("audit.timeliness." + d.timelinessKey(now), locale))));
	}

	private void writeLogbook(Exports.Table table, String unit, LocalDate from, LocalDate to, Locale locale) {
		table.row(List.of(msg("audit.logbook.no", locale), msg("audit.col.code", locale),
				msg("audit.col.procedure", locale), msg("audit.logbook.sets", locale),
				msg("audit.col.applicant", locale), msg("audit.logbook.contact", locale),
				msg("audit.logbook.lead", locale), msg("audit.col.receivedAt", locale),
				msg("audit.logbook.appointment", locale), msg("audit.logbook.transferred", locale),
				msg("audit.logbook.result", locale), msg("audit.logbook.returned", locale),
				msg("audit.logbook.notes", locale)));
		Date now = ClockUtil.getCurrentTime();
		// rows come in the logbook's order: the first one's number, then one more each, 1 again in a new year
		int[] n = { 0, 0 };
		this.queries.logbook(unit, from, to, now, EXPORT_MAX, r -> {
			DossierRow d = r.dossier();
			int year = LogbookNumbers.year(d.receivedAt());
			if (n[1] == 0) {
				n[0] = this.logbookNumbers.number(d.code()).orElse(1) - 1;
			}
			else if (year != n[1]) {
				n[0] = 0;
			}
			n[1] = year;
			table.row(cells(++n[0], d.code(), d.procedureName(), 1, d.applicantName(),
					join(d.applicantPhone(), d.applicantAddress()), this.officials.unit(r.leadUnit()), d.receivedAt(),
					d.originalDue(), r.transferredAt(), r.resultAt() != null ? r.resultAt() : r.supplementAt(),
					d.finishedAt(), msg("audit.status." + d.statusKey(), locale) + " · "
							+ msg("audit.timeliness." + d.timelinessKey(now), locale)));
		});
	}

	private static List<Object> cells(Object... values) {
		List<Object> list = new ArrayList<>(values.length);
		for (Object v : values) {
			list.add(v);
		}
		return list;
	}

	private static String join(String a, String b) {
		return ((a == null ? "" : a) + (a != null && b != null ? " · " : "") + (b == null ? "" : b));
	}

	private String msg(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static void attachment(HttpServletResponse response, String type, String name) {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
	}

	static String query(DossierSearch s, String extraKey, String extraValue) {
		UriComponentsBuilder b = UriComponentsBuilder.newInstance();
		add(b, "code", s.code());
		add(b, "procedure", s.procedure());
		add(b, "receivingUnit", s.receivingUnit());
		add(b, "handlingUnit", s.handlingUnit());
		add(b, "from", s.from() == null ? null : s.from().toString());
		add(b, "to", s.to() == null ? null : s.to().toString());
		add(b, "status", s.status());
		add(b, "timeliness", s.timeliness());
		add(b, "sort", s.sort());
		add(b, "dir", s.dir());
		add(b, "page", s.page() == null ? null : s.page().toString());
		add(b, "size", s.size() == null ? null : s.size().toString());
		if (extraKey != null) {
			add(b, extraKey, extraValue);
		}
		return b.encode().build().toUriString();
	}

	private static void add(UriComponentsBuilder b, String key, String value) {
		if (value != null && !value.isBlank()) {
			b.queryParam(key, value);
		}
	}

	static Collection<Unit> units(Organisation organisation) {
		return organisation.units();
	}

}

package vn.motcua.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.SignedCopies;
import vn.motcua.documents.PdfRenderer;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/** The report page {@code /reports}, its exports and the drill-down page. */
@Controller
@RequestMapping("/reports")
class ReportsController {

	static final String VIEW_REPORT = "reports/report";

	static final String VIEW_DOSSIERS = "reports/dossiers";

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final PerformanceReports reports;

	private final DrillDown drillDown;

	private final ReportAccess access;

	private final ReportExports exports;

	private final ReportTexts texts;

	private final Organisation organisation;

	private final PdfRenderer renderer;

	private final IssuedPdfs issued;

	private final SignedCopies signedCopies;

	ReportsController(PerformanceReports reports, DrillDown drillDown, ReportAccess access, ReportExports exports,
			ReportTexts texts, Organisation organisation, PdfRenderer renderer, IssuedPdfs issued,
			SignedCopies signedCopies) {
		this.signedCopies = signedCopies;
		this.reports = reports;
		this.drillDown = drillDown;
		this.access = access;
		this.exports = exports;
		this.texts = texts;
		this.organisation = organisation;
		this.renderer = renderer;
		this.issued = issued;
	}

	/** A table cell as the page shows it. */
	public record ViewCell(String text, String href, boolean rate) {
	}

	/** A table row as the page shows it. */
	public record ViewRow(String no, String label, List<ViewCell> cells, boolean flagged, boolean total) {
	}

	/** An option of the scope list. */
	public record Option(String value, String label) {
	}

	@GetMapping
	String report(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String by, Authentication authentication, Locale locale, Model model) {
		ReportRequest request = request(period, from, to, scope, by, authentication);
		Report report = this.reports.report(request.period(), request.scope(), request.units(), request.by());
		model.addAttribute("report", report);
		model.addAttribute("periodText", period == null ? "" : period);
		model.addAttribute("scopeValue", request.scope().toString());
		model.addAttribute("byValue", request.by().param());
		model.addAttribute("scopeLine", this.texts.scope(request.scope(), locale));
		model.addAttribute("periodLine", this.texts.period(report, locale));
		model.addAttribute("asOfLine", this.texts.asOf(report, locale));
		model.addAttribute("frame", this.texts.frame(request.scope(), this.reports.now(), locale));
		model.addAttribute("rowHeader", this.texts.rowHeader(report, locale));
		model.addAttribute("groups", Column.groups()
			.stream()
			.map(g -> new Option(String.valueOf(g.span()), this.texts.group(g.key(), locale)))
			.toList());
		model.addAttribute("columns", Column.ALL.stream().map(c -> this.texts.column(c, locale)).toList());
		model.addAttribute("rows", viewRows(report, request, locale));
		model.addAttribute("scopes", scopes(access.visibleUnits(authentication), locale));
		List<Charts.Bar> bars = Charts.bars(report, locale);
		model.addAttribute("bars", bars);
		model.addAttribute("barsHeight", Charts.barsHeight(bars));
		List<Charts.Point> points = Charts.trend(report, locale);
		model.addAttribute("points", points);
		model.addAttribute("polyline", Charts.polyline(points));
		model.addAttribute("thresholdY", Charts.yOf(1 - report.lateRateThreshold()));
		model.addAttribute("thresholdText", Charts.percent(report.lateRateThreshold(), locale));
		model.addAttribute("unitFlagTexts", report.unitFlags()
			.stream()
			.map(f -> this.texts.get("reports.flags.units.item", locale, f.name(), Charts.percent(f.lateRate(), locale),
					Charts.percent(f.handoffLateShare(), locale)))
			.toList());
		model.addAttribute("csvUrl", request.url("/reports/export.csv", Map.of()));
		model.addAttribute("xlsxUrl", request.url("/reports/export.xlsx", Map.of()));
		model.addAttribute("pdfUrl", request.url("/reports/export.pdf", Map.of()));
		ReportTexts.Frame frame = (ReportTexts.Frame) model.getAttribute("frame");
		model.addAttribute("signedPdfUrl", this.signedCopies.mayAsk(frame.issuerCode(), authentication)
				? request.url("/reports/export.pdf", Map.of("signed", "true")) : null);
		model.addAttribute("jsonUrl", request.url("/api/reports/kpi", Map.of()));
		return VIEW_REPORT;
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String by,
			Authentication authentication, Locale locale) {
		ReportRequest request = request(period, from, to, scope, by, authentication);
		Report report = this.reports.report(request.period(), request.scope(), request.units(), request.by());
		return download(this.exports.csv(report, locale), new MediaType("text", "csv", StandardCharsets.UTF_8),
				fileName(report, "csv"));
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String by,
			Authentication authentication, Locale locale) {
		ReportRequest request = request(period, from, to, scope, by, authentication);
		Report report = this.reports.report(request.period(), request.scope(), request.units(), request.by());
		return download(this.exports.xlsx(report, this.texts.frame(request.scope(), this.reports.now(), locale), locale),
				XLSX, fileName(report, "xlsx"));
	}

	/**
	 * The report as an A4 landscape PDF in its official frame; with {@code signed=true}, digitally
	 * signed by the issuing unit (the unit of a unit scope, else the province), which only that
	 * unit's supervisors may ask for.
	 */
	@GetMapping("/export.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String by,
			@RequestParam(defaultValue = "false") boolean signed, Authentication authentication, Locale locale) {
		ReportRequest request = request(period, from, to, scope, by, authentication);
		ReportTexts.Frame frame = this.texts.frame(request.scope(), this.reports.now(), locale);
		if (signed) {
			this.signedCopies.check(frame.issuerCode(), authentication, "reports.export.pdf-signed.refused");
		}
		Report report = this.reports.report(request.period(), request.scope(), request.units(), request.by());
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("report", report);
		model.put("title", this.texts.title(locale));
		model.put("periodLine", this.texts.period(report, locale));
		model.put("scopeLine", this.texts.scope(request.scope(), locale));
		model.put("asOfLine", this.texts.asOf(report, locale));
		model.put("frame", frame);
		model.put("rowHeader", this.texts.rowHeader(report, locale));
		model.put("groups", Column.groups()
			.stream()
			.map(g -> new Option(String.valueOf(g.span()), this.texts.group(g.key(), locale)))
			.toList());
		model.put("columns", Column.ALL.stream().map(c -> this.texts.column(c, locale)).toList());
		model.put("rows", viewRows(report, request, locale));
		byte[] pdf = this.renderer.pdf("reports/report-pdf", model, locale);
		return this.issued.answer(pdf, fileName(report, "pdf"), frame.issuerCode(), this.texts.title(locale), signed);
	}

	@GetMapping("/dossiers")
	String dossiers(@RequestParam String cell, @RequestParam(required = false) String row,
			@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String by, Authentication authentication, Locale locale, Model model) {
		ReportRequest request = request(period, from, to, scope, by, authentication);
		Cell c = Cell.parse(cell);
		Instant now = this.reports.now();
		String rowKey = row == null || row.isBlank() ? null : row;
		Instant asOf = request.period().asOf(now);
		List<DrillDown.Line> lines = this.drillDown.lines(c, request.period(), request.scope(), request.units(),
				request.by(), rowKey, asOf, request.period().isCurrent(now));
		model.addAttribute("countText", Charts.number(lines.size(), locale));
		model.addAttribute("lines", lines.stream()
			.map(l -> new ViewLine(l.code(), l.procedureName(), this.reports.unitName(l.receivingUnit()),
					time(l.receivedAt()), time(l.legalDue()), time(l.finishedAt()),
					this.texts.get("reports.drill.outcome." + l.outcome(asOf), locale), l.outcome(asOf)))
			.toList());
		model.addAttribute("cellLabel", cellLabel(c, locale));
		model.addAttribute("rowLabel", rowKey == null ? this.texts.get("reports.total", locale)
				: request.by() == Report.Grouping.UNIT ? this.reports.unitName(rowKey)
						: this.reports.procedureNames().getOrDefault(rowKey, rowKey));
		model.addAttribute("periodLine", this.texts.period(request.period(), locale));
		model.addAttribute("scopeLine", this.texts.scope(request.scope(), locale));
		model.addAttribute("backUrl", request.url("/reports", Map.of()));
		model.addAttribute("auditUrl", AuditLinks.search(c, request, rowKey));
		return VIEW_DOSSIERS;
	}

	/** A line of the drill-down page, in words and dd/MM/yyyy HH:mm. */
	record ViewLine(String code, String procedure, String receivingUnit, String receivedAt, String legalDue,
			String finishedAt, String outcome, String outcomeKey) {
	}

	private static String time(Instant instant) {
		return instant == null ? "" : ReportTexts.MINUTE.format(instant);
	}

	private String cellLabel(Cell cell, Locale locale) {
		for (Column column : Column.ALL) {
			if (column.cell() == cell) {
				return this.texts.group(column.group(), locale) + " – " + this.texts.column(column, locale);
			}
		}
		return cell == Cell.RECEIVED ? this.texts.group("received", locale) : cell.param();
	}

	private List<ViewRow> viewRows(Report report, ReportRequest request, Locale locale) {
		List<ViewRow> rows = new ArrayList<>();
		int no = 1;
		for (Report.Row row : report.rows()) {
			rows.add(new ViewRow(String.valueOf(no++), row.label(), cells(row.figures(), request, row.key(), locale),
					row.flagged(), false));
		}
		rows.add(new ViewRow("", this.texts.get("reports.total", locale), cells(report.total(), request, null, locale), false,
				true));
		return rows;
	}

	private static List<ViewCell> cells(Figures figures, ReportRequest request, String rowKey, Locale locale) {
		List<ViewCell> cells = new ArrayList<>();
		for (Column column : Column.ALL) {
			if (column.isRate()) {
				cells.add(new ViewCell(Charts.percent(column.rate().apply(figures), locale), null, true));
			}
			else {
				Map<String, String> extra = new LinkedHashMap<>();
				extra.put("cell", column.cell().param());
				extra.put("row", rowKey);
				long value = figures.get(column.cell());
				cells.add(new ViewCell(Charts.number(value, locale),
						value == 0 ? null : request.url("/reports/dossiers", extra), false));
			}
		}
		return cells;
	}

	private List<Option> scopes(Set<String> visible, Locale locale) {
		List<Option> options = new ArrayList<>();
		if (visible == null) {
			options.add(new Option("province", this.texts.get("reports.form.scope.province", locale)));
			this.organisation.levels()
				.forEach(l -> options.add(new Option("level:" + l.id(),
						this.texts.get("reports.form.scope.level", locale) + ": " + l.name())));
		}
		String subtree = this.texts.get("reports.form.scope.unit", locale);
		String alone = this.texts.get("reports.form.scope.unit-only", locale);
		for (Unit unit : this.organisation.units()) {
			if (visible == null || visible.contains(unit.code())) {
				options.add(new Option("unit:" + unit.code(), subtree + ": " + unit.name()));
				options.add(new Option("unit-only:" + unit.code(), alone + ": " + unit.name()));
			}
		}
		String procedure = this.texts.get("reports.form.scope.procedure", locale);
		this.reports.procedureNames()
			.forEach((key, name) -> options.add(new Option("procedure:" + key, procedure + ": " + name)));
		return options;
	}

	private ReportRequest request(String period, String from, String to, String scope, String by,
			Authentication authentication) {
		LocalDate today = LocalDate.ofInstant(this.reports.now(), Period.ZONE);
		return ReportRequest.of(period, from, to, scope, by, authentication, this.access, today);
	}

	private static String fileName(Report report, String extension) {
		return "bao-cao-" + report.period().from() + "-" + report.period().to() + "." + extension;
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}

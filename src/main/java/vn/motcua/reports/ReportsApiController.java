package vn.motcua.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same figures for other systems: {@code GET /api/reports/kpi} and the dossiers behind a cell,
 * {@code GET /api/reports/dossiers?cell=...}. Authenticated (HTTP Basic or session); the same
 * visibility rules as the page.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsApiController {

	private final PerformanceReports reports;

	private final DrillDown drillDown;

	private final ReportAccess access;

	ReportsApiController(PerformanceReports reports, DrillDown drillDown, ReportAccess access) {
		this.reports = reports;
		this.drillDown = drillDown;
		this.access = access;
	}

	@GetMapping("/kpi")
	Map<String, Object> kpi(@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String by, Authentication authentication) {
		ReportRequest request = request(period, from, to, scope, by, authentication);
		Report report = this.reports.report(request.period(), request.scope(), request.units(), request.by());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("from", report.period().from());
		body.put("to", report.period().to());
		body.put("scope", report.scope().toString());
		body.put("by", report.by().param());
		body.put("asOf", report.asOf());
		body.put("current", report.current());
		body.put("rows", report.rows().stream().map(row -> {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("key", row.key());
			r.put("label", row.label());
			r.put("flagged", row.flagged());
			r.putAll(figures(row.figures()));
			return r;
		}).toList());
		body.put("total", figures(report.total()));
		body.put("lateRateThreshold", report.lateRateThreshold());
		body.put("lateOfficialThreshold", report.lateOfficialThreshold());
		body.put("flaggedUnits", report.unitFlags());
		body.put("flaggedOfficials", report.officialFlags());
		body.put("trend", report.trend().stream().map(m -> {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("month", m.month().toString());
			p.put("early", m.early());
			p.put("onTime", m.onTime());
			p.put("late", m.late());
			p.put("onTimeRate", m.onTimeRate());
			return p;
		}).toList());
		return body;
	}

	@GetMapping("/dossiers")
	Map<String, Object> dossiers(@RequestParam String cell, @RequestParam(required = false) String row,
			@RequestParam(required = false) String period, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String by, Authentication authentication) {
		ReportRequest request = request(period, from, to, scope, by, authentication);
		Cell c = Cell.parse(cell);
		var now = this.reports.now();
		List<String> codes = this.drillDown.codes(c, request.period(), request.scope(), request.units(), request.by(),
				blankToNull(row), request.period().asOf(now), request.period().isCurrent(now));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("cell", c.param());
		body.put("row", blankToNull(row));
		body.putAll(request.params());
		body.put("count", codes.size());
		body.put("codes", codes);
		return body;
	}

	private ReportRequest request(String period, String from, String to, String scope, String by,
			Authentication authentication) {
		LocalDate today = LocalDate.ofInstant(this.reports.now(), Period.ZONE);
		return ReportRequest.of(period, from, to, scope, by, authentication, this.access, today);
	}

	static Map<String, Object> figures(Figures f) {
		Map<String, Object> values = new LinkedHashMap<>();
		Column.ALL.forEach(c -> values.put(camel(c.key()), c.value(f)));
		values.put("received", f.received());
		return values;
	}

	private static String camel(String key) {
		StringBuilder out = new StringBuilder();
		boolean up = false;
		for (char ch : key.toCharArray()) {
			if (ch == '-') {
				up = true;
			}
			else {
				out.append(up ? Character.toUpperCase(ch) : ch);
				up = false;
			}
		}
		return out.toString();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}

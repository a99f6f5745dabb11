package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.organisation.Organisation;
import vn.motcua.reports.Report.Grouping;

/** The page, the exports (read back), the JSON endpoints and who may see what. */
class ReportWebTest extends ReportsTestBase {

	static final String QUARTER = "2026-Q1";

	@Autowired
	MockMvc mvc;

	@Autowired
	PerformanceReports reports;

	@Autowired
	Organisation organisation;

	@Autowired
	ObjectMapper json;

	MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(user, "demo"));
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> kpi(String user, String query) throws Exception {
		String body = this.mvc.perform(as(user, get("/api/reports/kpi?" + query)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return this.json.readValue(body, Map.class);
	}

	@Test
	void kpiEndpointGivesTheReportFiguresAndTheDrillDownTheirDossiers() throws Exception {
		Map<String, Object> body = kpi("auditor", "period=" + QUARTER + "&scope=province");
		Report report = this.reports.report(Period.quarter(2026, 1), Scope.PROVINCE, null, Grouping.UNIT);
		@SuppressWarnings("unchecked")
		Map<String, Object> total = (Map<String, Object>) body.get("total");
		assertThat(((Number) total.get("total")).longValue()).isEqualTo(report.total().total());
		assertThat(((Number) total.get("late")).longValue()).isEqualTo(report.total().late());
		assertThat(((Number) total.get("overdue")).longValue()).isEqualTo(report.total().overdue());
		assertThat((List<?>) body.get("rows")).hasSize(report.rows().size());
		assertThat(body.get("current")).isEqualTo(true);
		for (Cell cell : List.of(Cell.CARRIED, Cell.LATE, Cell.OVERDUE, Cell.HANDOFFS_LATE)) {
			String drill = this.mvc
				.perform(as("auditor", get("/api/reports/dossiers?period=" + QUARTER + "&cell=" + cell.param())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			Map<?, ?> codes = this.json.readValue(drill, Map.class);
			assertThat(((Number) codes.get("count")).longValue()).as(cell.param()).isEqualTo(report.total().get(cell));
			assertThat((List<?>) codes.get("codes")).hasSize((int) report.total().get(cell));
		}
		this.mvc.perform(as("auditor", get("/api/reports/dossiers?cell=nonsense"))).andExpect(status().isBadRequest());
		this.mvc.perform(as("auditor", get("/api/reports/kpi?scope=unit:nowhere"))).andExpect(status().isBadRequest());
	}

	@Test
	void supervisorsSeeOnlyTheirUnitAndItsSubtree() throws Exception {
		Set<String> subtree = this.organisation.subtree("huyen-bac-son");
		for (String query : List.of("period=" + QUARTER, "period=" + QUARTER + "&scope=province",
				"period=" + QUARTER + "&scope=level:commune", "period=" + QUARTER + "&scope=procedure:birth-registration")) {
			Map<String, Object> body = kpi("huyen-bac-son.supervisor", query);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> rows = (List<Map<String, Object>>) body.get("rows");
			assertThat(rows).as(query).isNotEmpty();
			assertThat(rows).allMatch(r -> subtree.contains((String) r.get("key")));
		}
		Map<String, Object> own = kpi("huyen-bac-son.supervisor", "period=" + QUARTER);
		Report expected = this.reports.report(Period.quarter(2026, 1), Scope.parse("unit:huyen-bac-son"), subtree,
				Grouping.UNIT);
		@SuppressWarnings("unchecked")
		Map<String, Object> total = (Map<String, Object>) own.get("total");
		assertThat(((Number) total.get("total")).longValue()).isEqualTo(expected.total().total());
		Map<String, Object> everything = kpi("auditor", "period=" + QUARTER);
		@SuppressWarnings("unchecked")
		Map<String, Object> all = (Map<String, Object>) everything.get("total");
		assertThat(((Number) all.get("total")).longValue()).isGreaterThan(expected.total().total());
		assertThat(kpi("admin", "period=" + QUARTER).get("total")).isEqualTo(everything.get("total"));

		this.mvc.perform(as("huyen-bac-son.supervisor", get("/api/reports/kpi?scope=unit:huyen-nam-son")))
			.andExpect(status().isForbidden());
		this.mvc.perform(as("huyen-bac-son.supervisor", get("/reports?scope=unit-only:xa-my-loc")))
			.andExpect(status().isForbidden());
		this.mvc.perform(as("huyen-bac-son.supervisor", get("/api/reports/dossiers?cell=total&scope=unit:tinh-demo")))
			.andExpect(status().isForbidden());
		this.mvc.perform(as("xa-an-binh.supervisor", get("/reports"))).andExpect(status().isOk());
		this.mvc.perform(as("xa-an-binh.officer", get("/reports"))).andExpect(status().isForbidden());
		this.mvc.perform(as("xa-an-binh.officer", get("/api/reports/kpi"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/reports/kpi")).andExpect(status().isUnauthorized());
		this.mvc.perform(as("designer", get("/api/reports/kpi"))).andExpect(status().isForbidden());
	}

	@Test
	void pageShowsTheTableChartsAndFlagsInVietnamese() throws Exception {
		String html = this.mvc.perform(as("auditor", get("/reports?period=" + QUARTER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")
			.contains("Từ kỳ trước chuyển qua")
			.contains("Tổng cộng")
			.contains("<svg")
			.contains("<polyline")
			.contains("/reports/dossiers?from=2026-01-01&amp;to=2026-03-31&amp;scope=province&amp;by=unit&amp;cell=late")
			.doesNotContain("??reports");
		String drill = this.mvc
			.perform(as("auditor", get("/reports/dossiers?from=2026-01-01&to=2026-03-31&cell=late&row=xa-an-binh")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(drill).contains("/audit/dossiers/").contains("/audit?receivingUnit=xa-an-binh").contains("UBND xã An Bình");
	}

	/** One CSV line (RFC 4180 quoting). */
	static List<String> cells(String line) {
		List<String> cells = new java.util.ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					cell.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(ch);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	@Test
	void exportsReadBackToTheSameFigures() throws Exception {
		Report report = this.reports.report(Period.quarter(2026, 1), Scope.PROVINCE, null, Grouping.UNIT);
		byte[] csv = this.mvc.perform(as("auditor", get("/reports/export.csv?period=" + QUARTER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(csv[0] & 0xff).isEqualTo(0xEF);
		assertThat(csv[1] & 0xff).isEqualTo(0xBB);
		assertThat(csv[2] & 0xff).isEqualTo(0xBF);
		List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
		assertThat(cells(lines.get(0)).get(0)).isEqualTo("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
		assertThat(lines.get(1)).contains("01/01/2026").contains("31/03/2026");
		assertThat(lines.get(5)).contains("Số hồ sơ nhận giải quyết").contains("Số hồ sơ đã giải quyết");
		assertThat(lines.get(6)).contains("Từ kỳ trước chuyển qua").contains("Trước hạn");
		assertThat(lines).hasSize(ReportExports.HEADER_ROWS + report.rows().size() + 1);
		List<String> total = cells(lines.get(lines.size() - 1));
		assertThat(total.get(1)).isEqualTo("Tổng cộng");
		int c = 2;
		for (Column column : Column.ALL) {
			assertThat(total.get(c++)).as(column.key()).isEqualTo(ReportExports.format(column.value(report.total())));
		}

		byte[] xlsx = this.mvc.perform(as("auditor", get("/reports/export.xlsx?period=" + QUARTER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			int top = ReportExports.XLSX_TOP;
			assertThat(sheet.getRow(top).getCell(0).getStringCellValue())
				.isEqualTo("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
			assertThat(sheet.getRow(top + 5).getCell(2).getStringCellValue()).isEqualTo("Số hồ sơ nhận giải quyết");
			assertThat(sheet.getMergedRegions()).anyMatch(r -> r.getFirstRow() == top + 5 && r.getFirstColumn() == 2
					&& r.getLastColumn() == 6);
			var totalRow = sheet.getRow(top + ReportExports.HEADER_ROWS + report.rows().size());
			assertThat(totalRow.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng");
			int col = 2;
			for (Column column : Column.ALL) {
				Object value = column.value(report.total());
				var cell = totalRow.getCell(col++);
				if (value instanceof Long n) {
					assertThat((long) cell.getNumericCellValue()).as(column.key()).isEqualTo(n);
				}
				else if (value instanceof Double d) {
					assertThat(cell.getNumericCellValue()).as(column.key()).isEqualTo(d);
				}
			}
		}
	}

}

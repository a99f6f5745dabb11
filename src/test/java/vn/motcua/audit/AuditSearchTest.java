package vn.motcua.audit;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.procedure.ProcedureTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.audit.AuditScenarioTest.auditor;
import static vn.motcua.audit.AuditScenarioTest.supervisor;

/** Search filters, confinement and exports on historic rows inserted directly (no engine involved). */
class AuditSearchTest extends ProcedureTestBase {

	@Autowired
	private DossierUnits dossierUnits;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@BeforeEach
	void rows() {
		removeRows();
		// code, unit, received (March 2025), status, timeliness, handled by
		dossier("ZZT-001", "xa-an-binh", LocalDateTime.of(2025, 3, 3, 8, 0), "RETURNED", "EARLY", "ca-xa-an-binh");
		dossier("ZZT-002", "xa-an-binh", LocalDateTime.of(2025, 3, 4, 8, 0), "RETURNED", "LATE", "bhxh-bac-son");
		dossier("ZZT-003", "xa-an-binh", LocalDateTime.of(2025, 3, 5, 8, 0), "REFUSED", null, null);
		dossier("ZZT-004", "xa-hoa-phu", LocalDateTime.of(2025, 3, 6, 8, 0), "RETURNED", "ON_TIME", "ca-xa-hoa-phu");
		dossier("ZZT-005", "xa-hoa-phu", LocalDateTime.of(2025, 3, 7, 8, 0), "IN_PROGRESS", null, "bhxh-bac-son");
		dossier("ZZT-006", "xa-hoa-phu", LocalDateTime.of(2025, 4, 7, 8, 0), "RETURNED", "EARLY", null);
	}

	/**
	 * The rows are written by SQL, behind the application's back, so they are in no audit chain:
	 * they must not outlive the test, or the chain verification of the next test in this context
	 * rightly reports them as unrecorded.
	 */
	@AfterEach
	void removeRows() {
		this.jdbcTemplate.update("delete from handoff where dossier_code like 'ZZT-%'");
		this.jdbcTemplate.update("delete from dossier_unit where dossier_code like 'ZZT-%'");
		this.jdbcTemplate.update("delete from dossier where dossier.code like 'ZZT-%'");
	}

	private void dossier(String code, String unit, LocalDateTime received, String status, String timeliness,
			String handler) {
		Timestamp at = Timestamp.valueOf(received);
		Timestamp due = Timestamp.valueOf(received.plusDays(3));
		Timestamp finished = "IN_PROGRESS".equals(status) ? null : Timestamp.valueOf(received.plusDays(2));
		this.jdbcTemplate.update("""
				insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit, received_by,
				  applicant_name, applicant_phone, applicant_address, channel, legal_working_days, received_at,
				  original_due, legal_due, due_at, status, finished_at, timeliness)
				values (?, 'birth-registration', 'Đăng ký khai sinh, thường trú, cấp thẻ BHYT', 1, ?, ?, ?, '0912000000',
				  'Thôn Đông', 'in-person', 3, ?, ?, ?, ?, ?, ?, ?)""", code, unit, unit + ".officer",
				"Lê Văn Tâm " + code, at, due, due, due, status, finished, timeliness);
		// what the core's DossierChanged / HandoffChanged do in the writing transaction
		this.dossierUnits.on(new vn.motcua.intake.DossierChanged(code));
		hand(code, "desk", unit, unit, received);
		if (handler != null) {
			hand(code, "f", unit, handler, received.plusHours(2));
		}
	}

	private void hand(String code, String function, String from, String to, LocalDateTime at) {
		this.jdbcTemplate.update("""
				insert into handoff (dossier_code, step_instance_id, step_name, function_code, from_unit, to_unit, sent_at,
				  received_at, due_at, allotted_days, finished_at, finished_by, working_days_used, outcome)
				values (?, 'none', 'Bước', ?, ?, ?, ?, ?, ?, 1, ?, ?, 0.5, 'EARLY')""", code, function, from, to,
				Timestamp.valueOf(at), Timestamp.valueOf(at), Timestamp.valueOf(at.plusDays(1)),
				Timestamp.valueOf(at.plusHours(3)), to + ".officer");
		this.dossierUnits.on(new vn.motcua.procedure.HandoffChanged(
				this.jdbcTemplate.queryForObject("select max(id) from handoff", Long.class)));
	}

	private List<String> codes(String html) {
		return Arrays.stream(html.split("class=\"dossier-link\" href=\"/audit/dossiers/"))
			.skip(1)
			.map(s -> s.substring(0, s.indexOf('"')))
			.toList();
	}

	private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void countAndDepthAreBounded() throws Exception {
		// 10,050 dossiers received by one unit: more than the counted 10,000, deeper than 10,000 rows
		Timestamp at = Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 8, 0));
		List<Object[]> rows = new java.util.ArrayList<>();
		for (int i = 0; i < 10_050; i++) {
			rows.add(new Object[] { String.format("ZZM-%05d", i), at, at, at, at });
		}
		try {
			this.jdbcTemplate.batchUpdate("""
					insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit, received_by,
					  applicant_name, channel, legal_working_days, received_at, original_due, legal_due, due_at, status)
					values (?, 'birth-registration', 'Khai sinh', 1, 'xa-my-loc', 'x', 'Lê Văn Tâm', 'in-person', 3, ?, ?, ?, ?,
					  'RETURNED')""", rows);
			this.jdbcTemplate.update("""
					insert into dossier_unit (unit_code, received_at, dossier_code)
					select receiving_unit, received_at, code from dossier where code like 'ZZM-%'""");
			String first = page(get("/audit").param("code", "ZZM-").with(auditor()));
			assertThat(first).contains("id=\"result-count-more\"").contains("hơn 10.000 hồ sơ")
				.doesNotContain("id=\"result-too-deep\"");
			String deep = page(get("/audit").param("code", "ZZM-").param("page", "600").with(auditor()));
			assertThat(deep).contains("id=\"result-too-deep\"");
			assertThat(codes(deep)).hasSize(20);
			String supervised = page(get("/audit").param("page", "600").with(supervisor("xa-my-loc")));
			assertThat(supervised).contains("id=\"result-count-more\"").contains("id=\"result-too-deep\"");
			assertThat(codes(supervised)).hasSize(20);
		}
		finally {
			this.jdbcTemplate.update("delete from dossier_unit where dossier_code like 'ZZM-%'");
			this.jdbcTemplate.update("delete from dossier where code like 'ZZM-%'");
		}
	}

	@Test
	void filtersCombineAndSort() throws Exception {
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("sort", "code").param("dir", "asc").with(auditor()))))
			.containsExactly("ZZT-001", "ZZT-002", "ZZT-003", "ZZT-004", "ZZT-005", "ZZT-006");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("receivingUnit", "xa-an-binh").with(auditor()))))
			.containsExactly("ZZT-003", "ZZT-002", "ZZT-001");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("handlingUnit", "bhxh-bac-son").with(auditor()))))
			.containsExactlyInAnyOrder("ZZT-002", "ZZT-005");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("from", "2025-03-04").param("to", "2025-03-06")
			.with(auditor())))).containsExactly("ZZT-004", "ZZT-003", "ZZT-002");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("status", "refused").with(auditor()))))
			.containsExactly("ZZT-003");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("status", "in-progress").with(auditor()))))
			.containsExactly("ZZT-005");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("timeliness", "early").with(auditor()))))
			.containsExactly("ZZT-006", "ZZT-001");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("timeliness", "late").with(auditor()))))
			.containsExactly("ZZT-002");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("timeliness", "on-time").with(auditor()))))
			.containsExactly("ZZT-004");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("timeliness", "overdue").with(auditor()))))
			.containsExactly("ZZT-005");
		// paging: 2 per page, page 2 of 3
		String second = page(get("/audit").param("code", "ZZT-").param("sort", "code").param("dir", "asc")
			.param("size", "2").param("page", "2").with(auditor()));
		assertThat(codes(second)).containsExactly("ZZT-003", "ZZT-004");
		assertThat(second).contains("trang 2/3");
	}

	@Test
	void supervisorsAreConfinedInSearchAndExports() throws Exception {
		assertThat(codes(page(get("/audit").param("code", "ZZT-").with(supervisor("xa-an-binh")))))
			.containsExactlyInAnyOrder("ZZT-001", "ZZT-002", "ZZT-003");
		assertThat(codes(page(get("/audit").param("code", "ZZT-").with(supervisor("bhxh-bac-son")))))
			.containsExactlyInAnyOrder("ZZT-002", "ZZT-005");
		// asking for another unit's dossiers does not widen the scope
		assertThat(codes(page(get("/audit").param("code", "ZZT-").param("receivingUnit", "xa-hoa-phu")
			.with(supervisor("xa-an-binh"))))).isEmpty();
		String csv = this.mvc.perform(get("/audit/export.csv").param("code", "ZZT-").with(supervisor("bhxh-bac-son")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().skip(1).map(l -> l.split(",")[0]).toList()).containsExactlyInAnyOrder("ZZT-005", "ZZT-002");
		this.mvc.perform(get("/audit/logbook.csv").param("unit", "xa-hoa-phu").param("from", "2025-03-01")
			.param("to", "2025-03-31").with(supervisor("xa-an-binh"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit/logbook.pdf").param("unit", "xa-hoa-phu").param("from", "2025-03-01")
			.param("to", "2025-03-31").with(supervisor("xa-an-binh"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/audit/logbook").param("unit", "xa-hoa-phu").with(supervisor("xa-an-binh")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/audit/dossiers/ZZT-004").with(supervisor("xa-an-binh"))).andExpect(status().isNotFound());
		this.mvc.perform(get("/audit/dossiers/ZZT-004").with(supervisor("ca-xa-hoa-phu"))).andExpect(status().isOk());
	}

	@Test
	void searchExportsAsCsvWithBomAndAsXlsx() throws Exception {
		byte[] csv = this.mvc.perform(get("/audit/export.csv").param("code", "ZZT-").param("sort", "code")
			.param("dir", "asc").with(auditor())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
		assertThat(lines.get(0)).startsWith("Mã hồ sơ,Thủ tục,Đơn vị tiếp nhận,Người nộp,Ngày tiếp nhận");
		assertThat(lines).hasSize(7);
		assertThat(lines.get(1)).startsWith("ZZT-001,\"Đăng ký khai sinh, thường trú, cấp thẻ BHYT\",UBND xã An Bình,Lê Văn Tâm ZZT-001,03/03/2025 08:00")
			.endsWith("Trước hạn");
		byte[] xlsx = this.mvc.perform(get("/audit/export.xlsx").param("code", "ZZT-").param("sort", "code")
			.param("dir", "asc").with(auditor())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(6);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã hồ sơ");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("ZZT-002");
			assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("UBND xã An Bình");
			assertThat(sheet.getRow(2).getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 3, 4, 8, 0));
			assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).isEqualTo("Quá hạn");
			// sized to the content: a date needs 16 characters, the procedure its whole name
			assertThat(sheet.getColumnWidth(4)).isGreaterThanOrEqualTo(16 * 256);
			assertThat(sheet.getColumnWidth(1))
				.isGreaterThanOrEqualTo("Đăng ký khai sinh, thường trú, cấp thẻ BHYT".length() * 256);
		}
	}

	@Test
	void logbookPrintsAndExports() throws Exception {
		String html = page(get("/audit/logbook").param("unit", "xa-an-binh").param("from", "2025-03-01")
			.param("to", "2025-03-31").with(supervisor("xa-an-binh")));
		assertThat(html).contains("SỔ THEO DÕI HỒ SƠ", "Mẫu số 06", "ZZT-001", "ZZT-003", "Công an xã An Bình")
			.doesNotContain("ZZT-004");
		byte[] pdf = this.mvc.perform(get("/audit/logbook.pdf").param("unit", "xa-an-binh").param("from", "2025-03-01")
			.param("to", "2025-03-31").with(auditor())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String text = new PdfTextExtractor(new PdfReader(new ByteArrayInputStream(pdf))).getTextFromPage(1);
		assertThat(text).contains("SỔ THEO DÕI HỒ SƠ", "Lê Văn");
		assertThat(text.replaceAll("\\s+", "")).contains("ZZT-002", "ZZT-003").doesNotContain("ZZT-004");
		String csv = this.mvc.perform(get("/audit/logbook.csv").param("unit", "xa-an-binh").param("from", "2025-03-01")
			.param("to", "2025-03-31").with(auditor())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().toList()).hasSize(4);
		assertThat(csv.lines().toList().get(1)).startsWith("1,ZZT-001,");
		byte[] xlsx = this.mvc.perform(get("/audit/logbook.xlsx").param("unit", "xa-an-binh").param("from", "2025-03-01")
			.param("to", "2025-03-31").with(auditor())).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(3);
			assertThat(book.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isEqualTo("ZZT-003");
			for (int c = 0; c < book.getSheetAt(0).getRow(0).getLastCellNum(); c++) {
				int widest = 0;
				for (org.apache.poi.ss.usermodel.Row row : book.getSheetAt(0)) {
					org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
					int chars = cell == null ? 0
							: cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
									&& org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell) ? 16
											: new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell).length();
					widest = Math.max(widest, Math.min(chars, 60));
				}
				assertThat(book.getSheetAt(0).getColumnWidth(c)).as("column %d", c).isGreaterThanOrEqualTo(widest * 256);
			}
		}
	}

}

package vn.motcua.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.motcua.documents.IssuedPdfs;
import vn.motcua.documents.PdfSigner;
import vn.motcua.documents.PdfText;
import vn.motcua.reports.Report.Grouping;

/** The report's PDF (frame, columns, A4 landscape, optionally signed) and the frame of its XLSX. */
class ReportPdfTest extends ReportsTestBase {

	static final String QUARTER = "2026-Q1";

	static final Locale VI = Locale.forLanguageTag("vi");

	@Autowired
	MockMvc mvc;

	@Autowired
	PerformanceReports reports;

	@Autowired
	ReportTexts texts;

	@Autowired
	PdfSigner signer;

	MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		return request.with(httpBasic(user, "demo"));
	}

	MockHttpServletResponse fetch(String user, String url) throws Exception {
		return this.mvc.perform(as(user, get(url))).andExpect(status().isOk()).andReturn().getResponse();
	}

	@Test
	void thePdfCarriesTheFrameAndEveryColumnOnA4LandscapePages() throws Exception {
		MockHttpServletResponse response = fetch("auditor", "/reports/export.pdf?period=" + QUARTER + "&scope=province");
		assertThat(response.getContentType()).startsWith("application/pdf");
		assertThat(response.getHeader(IssuedPdfs.SIGNATURE_HEADER)).isEqualTo("unsigned");
		byte[] pdf = response.getContentAsByteArray();
		PdfText text = PdfText.of(pdf);
		String flat = text.flat();
		Report report = this.reports.report(Period.quarter(2026, 1), Scope.PROVINCE, null, Grouping.UNIT);

		// the frame: agency heading, number, national heading, place and date, title, period, scope
		assertThat(flat).contains("UBND TỈNH DEMO")
			.contains("Số: /BC")
			.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
			.contains("Độc lập - Tự do - Hạnh phúc")
			.contains("Tỉnh Demo, ngày 20 tháng 03 năm 2026")
			.contains("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")
			.contains(this.texts.period(report, VI))
			.contains(this.texts.scope(Scope.PROVINCE, VI))
			.contains(this.texts.asOf(report, VI));
		assertThat(text.onOneLine("01/01/2026")).isTrue();
		// recipients and signature block, after the total row
		assertThat(flat).contains("Nơi nhận: - Lưu: VT.").contains("THỦ TRƯỞNG ĐƠN VỊ").contains("(Ký, ghi rõ họ tên và đóng dấu)");

		// every group and column heading, every row, the totals in Vietnamese number formatting
		Column.groups().forEach(g -> assertThat(flat).contains(this.texts.group(g.key(), VI)));
		Column.ALL.forEach(c -> assertThat(flat).as(c.key()).contains(this.texts.column(c, VI)));
		report.rows().forEach(r -> assertThat(flat).contains(r.label()));
		assertThat(flat).contains("Tổng cộng " + Charts.number(report.total().total(), VI) + " ");
		String rate = Charts.percent(report.total().onTimeRate(), VI);
		assertThat(rate).matches("\\d+,\\d{1,2} %");
		assertThat(flat).contains(rate);

		// A4 landscape, every glyph inside the page; the header row repeats on every page
		Layout layout = Layout.of(pdf);
		assertThat(report.rows()).hasSizeGreaterThan(5);
		assertThat(layout.pages()).as("the province's %d rows, frame and signature on one page", report.rows().size())
			.isEqualTo(1);
		assertThat(text.pages()).isEqualTo(1);
		layout.sizes().forEach(size -> {
			assertThat(size.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
			assertThat(size.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
		});
		assertThat(layout.maxRight()).isLessThan(PDRectangle.A4.getHeight() - 20);
		String firstColumn = this.texts.column(Column.ALL.get(1), VI);
		assertThat(layout.pageTexts()).allMatch(page -> page.replaceAll("\\s+", " ").contains(firstColumn));
		// the total row and the signature block end the report, on its last page
		String last = layout.pageTexts().get(layout.pages() - 1);
		assertThat(last).contains("Tổng cộng").contains("Nơi nhận:").contains("THỦ TRƯỞNG ĐƠN VỊ");


		// one unit alone fits on one page
		byte[] one = fetch("auditor", "/reports/export.pdf?period=" + QUARTER + "&scope=unit-only:xa-an-binh")
			.getContentAsByteArray();
		PdfText single = PdfText.of(one);
		assertThat(single.pages()).isEqualTo(1);
		assertThat(single.flat()).contains("UBND HUYỆN BẮC SƠN").contains("UBND XÃ AN BÌNH")
			.contains("- UBND huyện Bắc Sơn (để báo cáo);");
	}

	@Autowired
	vn.motcua.documents.PdfRenderer renderer;

	@Test
	void aLongReportRepeatsTheColumnHeadingsOnEveryPageAndEndsWithTheSignatureBlock() throws Exception {
		Report report = this.reports.report(Period.quarter(2026, 1), Scope.PROVINCE, null, Grouping.UNIT);
		List<ReportsController.ViewRow> rows = new ArrayList<>();
		List<ReportsController.ViewCell> cells = Column.ALL.stream()
			.map(c -> new ReportsController.ViewCell("12.345", null, false))
			.toList();
		for (int i = 1; i <= 60; i++) {
			rows.add(new ReportsController.ViewRow(String.valueOf(i), "Đơn vị thứ " + i, cells, false, false));
		}
		rows.add(new ReportsController.ViewRow("", "Tổng cộng", cells, false, true));
		java.util.Map<String, Object> model = new java.util.LinkedHashMap<>();
		model.put("report", report);
		model.put("title", this.texts.title(VI));
		model.put("periodLine", this.texts.period(report, VI));
		model.put("scopeLine", this.texts.scope(Scope.PROVINCE, VI));
		model.put("asOfLine", this.texts.asOf(report, VI));
		model.put("frame", this.texts.frame(Scope.PROVINCE, this.reports.now(), VI));
		model.put("rowHeader", this.texts.rowHeader(report, VI));
		model.put("groups", Column.groups()
			.stream()
			.map(g -> new ReportsController.Option(String.valueOf(g.span()), this.texts.group(g.key(), VI)))
			.toList());
		model.put("columns", Column.ALL.stream().map(c -> this.texts.column(c, VI)).toList());
		model.put("rows", rows);
		Layout layout = Layout.of(this.renderer.pdf("reports/report-pdf", model, VI));

		assertThat(layout.pages()).isEqualTo(3);
		String heading = this.texts.column(Column.ALL.get(1), VI);
		for (int page = 0; page < layout.pages(); page++) {
			String text = layout.pageTexts().get(page).replaceAll("\\s+", " ");
			assertThat(text).as("page %d", page + 1).contains(heading).contains(this.texts.group("received", VI));
			assertThat(text.contains("THỦ TRƯỞNG ĐƠN VỊ")).as("signature on page %d", page + 1)
				.isEqualTo(page == layout.pages() - 1);
		}
		// no row is split or lost: each label once, in order
		String all = String.join(" ", layout.pageTexts()).replaceAll("\\s+", " ");
		int at = -1;
		for (int i = 1; i <= 60; i++) {
			int next = all.indexOf("Đơn vị thứ " + i + " ", at + 1);
			assertThat(next).as("row %d", i).isGreaterThan(at);
			at = next;
		}
		assertThat(layout.maxRight()).isLessThan(PDRectangle.A4.getHeight() - 20);
	}

	@Test
	void aHeadOfTheIssuingUnitGetsItSignedOthersAreRefused() throws Exception {
		MockHttpServletResponse response = fetch("xa-an-binh.supervisor",
				"/reports/export.pdf?period=" + QUARTER + "&signed=true");
		assertThat(response.getHeader(IssuedPdfs.SIGNATURE_HEADER))
			.isEqualTo("valid; signer*=UTF-8''UBND%20x%C3%A3%20An%20B%C3%ACnh");
		byte[] pdf = response.getContentAsByteArray();
		PdfSigner.SignatureCheck check = this.signer.verify(pdf);
		assertThat(check.valid()).isTrue();
		assertThat(check.signers()).containsExactly("UBND xã An Bình");
		assertThat(PdfText.of(pdf).flat()).contains("UBND XÃ AN BÌNH").contains("THỦ TRƯỞNG ĐƠN VỊ");

		// the province's report is signed by the province, by its heads only
		assertThat(fetch("tinh-demo.supervisor", "/reports/export.pdf?period=" + QUARTER + "&signed=true")
			.getHeader(IssuedPdfs.SIGNATURE_HEADER)).isEqualTo("valid; signer*=UTF-8''UBND%20T%E1%BB%89nh%20Demo");
		String refused = this.mvc
			.perform(as("auditor", get("/reports/export.pdf?period=" + QUARTER + "&signed=true"))
				.header("Accept", "application/json"))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("Chỉ lãnh đạo của UBND Tỉnh Demo mới được ký số báo cáo");
		this.mvc.perform(as("auditor", get("/reports/export.pdf?period=" + QUARTER + "&signed=maybe")))
			.andExpect(status().isBadRequest());

		// the page links the PDF next to the XLSX, and the signed PDF for the heads only
		String auditorPage = fetch("auditor", "/reports?period=" + QUARTER).getContentAsString(StandardCharsets.UTF_8);
		assertThat(auditorPage).contains("/reports/export.pdf?").contains("Tải PDF").doesNotContain("signed=true");
		String headPage = fetch("xa-an-binh.supervisor", "/reports?period=" + QUARTER)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(headPage).contains("signed=true").contains("PDF có ký số");
	}

	@Test
	void theXlsxCarriesTheFrame() throws Exception {
		byte[] xlsx = fetch("xa-an-binh.supervisor", "/reports/export.xlsx?period=" + QUARTER).getContentAsByteArray();
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			List<String> lines = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				StringBuilder line = new StringBuilder();
				if (row != null) row.forEach(cell -> {
					if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
							&& !cell.getStringCellValue().isEmpty()) {
						line.append(line.isEmpty() ? "" : " | ").append(cell.getStringCellValue());
					}
				});
				lines.add(line.toString());
			}
			assertThat(lines.get(0)).isEqualTo("UBND HUYỆN BẮC SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
			assertThat(lines.get(1)).isEqualTo("UBND XÃ AN BÌNH | Độc lập - Tự do - Hạnh phúc");
			assertThat(lines.get(2)).isEqualTo("Số:       /BC | Tỉnh Demo, ngày 20 tháng 03 năm 2026");
			assertThat(lines.get(ReportExports.XLSX_TOP)).isEqualTo("BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
			assertThat(lines.get(ReportExports.XLSX_TOP + 1)).contains("01/01/2026").contains("31/03/2026");
			assertThat(lines.get(ReportExports.XLSX_TOP + 2)).contains("UBND xã An Bình");
			int total = lines.indexOf(lines.stream().filter(l -> l.startsWith("Tổng cộng")).findFirst().orElseThrow());
			assertThat(lines.get(total + 2)).isEqualTo("Nơi nhận: | THỦ TRƯỞNG ĐƠN VỊ");
			assertThat(lines.get(total + 3)).isEqualTo("- UBND huyện Bắc Sơn (để báo cáo); | (Ký, ghi rõ họ tên và đóng dấu)");
			assertThat(lines.get(total + 4)).isEqualTo("- Lưu: VT.");
			assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
			assertThat(sheet.getMergedRegions()).anyMatch(r -> r.getFirstRow() == 0 && r.getFirstColumn() == 0);
		}
	}

	/** Where the glyphs of a PDF are: page sizes, the rightmost glyph edge, the text per page. */
	record Layout(int pages, List<PDRectangle> sizes, float maxRight, List<String> pageTexts) {

		static Layout of(byte[] pdf) throws IOException {
			try (PDDocument document = Loader.loadPDF(pdf)) {
				float[] right = { 0 };
				PDFTextStripper stripper = new PDFTextStripper() {
					@Override
					protected void writeString(String text, List<TextPosition> positions) throws IOException {
						for (TextPosition p : positions) {
							right[0] = Math.max(right[0], p.getXDirAdj() + p.getWidthDirAdj());
						}
						super.writeString(text, positions);
					}
				};
				List<String> texts = new ArrayList<>();
				List<PDRectangle> sizes = new ArrayList<>();
				for (int page = 1; page <= document.getNumberOfPages(); page++) {
					stripper.setStartPage(page);
					stripper.setEndPage(page);
					texts.add(stripper.getText(document));
					sizes.add(document.getPage(page - 1).getMediaBox());
				}
				return new Layout(document.getNumberOfPages(), sizes, right[0], texts);
			}
		}

	}

}

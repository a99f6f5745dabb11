package vn.motcua.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The report in the layout of the official form: title, period, scope, as-of line, two header
 * rows (groups over columns), one row per unit or procedure, the total row. XLSX and CSV (UTF-8
 * with a byte order mark, so that spreadsheet programs read Vietnamese correctly).
 */
@Component
class ReportExports {

	/** Rows before the data: title, period, scope, as-of, blank, group header, column header. */
	static final int HEADER_ROWS = 7;

	/**
	 * Rows of the official frame above the table in the XLSX: issuing agency's parent | national
	 * heading, issuing agency | motto, number | place and date, blank.
	 */
	static final int XLSX_TOP = 4;

	private final ReportTexts texts;

	ReportExports(ReportTexts texts) {
		this.texts = texts;
	}

	/** The table as text cells, header lines first; counts as integers, rates as percentages. */
	List<List<Object>> table(Report report, Locale locale) {
		List<List<Object>> lines = new ArrayList<>();
		lines.add(List.of(this.texts.title(locale)));
		lines.add(List.of(this.texts.period(report, locale)));
		lines.add(List.of(this.texts.scope(report.scope(), locale)));
		lines.add(List.of(this.texts.asOf(report, locale)));
		lines.add(List.of());
		List<Object> groups = new ArrayList<>(List.of(this.texts.get("reports.col.no", locale),
				this.texts.rowHeader(report, locale)));
		for (Column.Group group : Column.groups()) {
			groups.add(this.texts.group(group.key(), locale));
			for (int i = 1; i < group.span(); i++) {
				groups.add("");
			}
		}
		lines.add(groups);
		List<Object> columns = new ArrayList<>(List.of("", ""));
		Column.ALL.forEach(c -> columns.add(this.texts.column(c, locale)));
		lines.add(columns);
		int no = 1;
		for (Report.Row row : report.rows()) {
			lines.add(values(no++, row.label(), row.figures()));
		}
		lines.add(values(null, this.texts.get("reports.total", locale), report.total()));
		return lines;
	}

	private static List<Object> values(Integer no, String label, Figures figures) {
		List<Object> line = new ArrayList<>();
		line.add(no == null ? "" : no);
		line.add(label);
		Column.ALL.forEach(c -> line.add(c.value(figures)));
		return line;
	}

	byte[] csv(Report report, Locale locale) {
		StringBuilder out = new StringBuilder("\uFEFF");
		for (List<Object> line : table(report, locale)) {
			List<String> cells = new ArrayList<>();
			for (Object value : line) {
				cells.add(quote(format(value)));
			}
			out.append(String.join(",", cells)).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static String format(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Double rate) {
			return String.format(Locale.ROOT, "%.2f", rate * 100);
		}
		return value.toString();
	}

	private static String quote(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
			return '"' + value.replace("\"", "\"\"") + '"';
		}
		return value;
	}

	/**
	 * The XLSX: the official frame (agency heading, number, national heading, place and date), the
	 * table as {@link #table} gives it, then recipients and the signature block.
	 */
	byte[] xlsx(Report report, ReportTexts.Frame frame, Locale locale) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(this.texts.get("reports.sheet", locale));
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle title = book.createCellStyle();
			Font big = book.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			title.setFont(big);
			title.setAlignment(HorizontalAlignment.CENTER);
			CellStyle header = book.createCellStyle();
			header.setFont(bold);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setVerticalAlignment(VerticalAlignment.CENTER);
			header.setWrapText(true);
			border(header);
			CellStyle number = book.createCellStyle();
			border(number);
			CellStyle percent = book.createCellStyle();
			percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
			border(percent);
			CellStyle total = book.createCellStyle();
			total.setFont(bold);
			border(total);
			CellStyle totalPercent = book.createCellStyle();
			totalPercent.cloneStyleFrom(percent);
			totalPercent.setFont(bold);
			List<List<Object>> lines = table(report, locale);
			int width = 2 + Column.ALL.size();
			CellStyle agency = centered(book, bold, false);
			CellStyle plain = centered(book, null, false);
			CellStyle italic = centered(book, null, true);
			Font underlined = book.createFont();
			underlined.setBold(true);
			underlined.setUnderline(Font.U_SINGLE);
			CellStyle motto = centered(book, underlined, false);
			int split = Math.max(2, width / 2 - 2);
			String[][] heading = { { frame.parent(), this.texts.get("reports.frame.country", locale) },
					{ frame.issuer(), this.texts.get("reports.frame.motto", locale) },
					{ frame.number(), frame.placeDate() } };
			CellStyle[][] headingStyles = { { plain, agency }, { agency, motto }, { plain, italic } };
			for (int r = 0; r < heading.length; r++) {
				Row row = sheet.createRow(r);
				Cell left = row.createCell(0);
				left.setCellValue(heading[r][0] == null ? "" : heading[r][0]);
				left.setCellStyle(headingStyles[r][0]);
				Cell right = row.createCell(split + 1);
				right.setCellValue(heading[r][1]);
				right.setCellStyle(headingStyles[r][1]);
				sheet.addMergedRegion(new CellRangeAddress(r, r, 0, split));
				sheet.addMergedRegion(new CellRangeAddress(r, r, split + 1, width - 1));
			}
			for (int r = 0; r < lines.size(); r++) {
				Row row = sheet.createRow(XLSX_TOP + r);
				List<Object> line = lines.get(r);
				boolean isHeader = r == HEADER_ROWS - 2 || r == HEADER_ROWS - 1;
				boolean isTotal = r == lines.size() - 1;
				for (int c = 0; c < line.size(); c++) {
					Cell cell = row.createCell(c);
					Object value = line.get(c);
					if (value instanceof Number n && !(value instanceof Double)) {
						cell.setCellValue(n.doubleValue());
						cell.setCellStyle(isTotal ? total : number);
					}
					else if (value instanceof Double d) {
						cell.setCellValue(d);
						cell.setCellStyle(isTotal ? totalPercent : percent);
					}
					else {
						cell.setCellValue(value == null ? "" : value.toString());
						if (r == 0) {
							cell.setCellStyle(title);
						}
						else if (isHeader) {
							cell.setCellStyle(header);
						}
						else if (r >= HEADER_ROWS) {
							cell.setCellStyle(isTotal ? total : number);
						}
					}
				}
				if (isHeader) {
					for (int c = line.size(); c < width; c++) {
						row.createCell(c).setCellStyle(header);
					}
				}
			}
			for (int r = 0; r <= 3; r++) {
				sheet.addMergedRegion(new CellRangeAddress(XLSX_TOP + r, XLSX_TOP + r, 0, width - 1));
			}
			int signRow = XLSX_TOP + lines.size() + 1;
			List<String> left = new ArrayList<>();
			left.add(this.texts.get("reports.frame.recipients", locale));
			left.addAll(frame.recipients());
			List<String> right = List.of(frame.signer(), frame.signHint());
			CellStyle recipients = book.createCellStyle();
			Font boldItalic = book.createFont();
			boldItalic.setBold(true);
			boldItalic.setItalic(true);
			recipients.setFont(boldItalic);
			for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
				Row row = sheet.createRow(signRow + i);
				if (i < left.size()) {
					Cell cell = row.createCell(0);
					cell.setCellValue(left.get(i));
					if (i == 0) {
						cell.setCellStyle(recipients);
					}
					sheet.addMergedRegion(new CellRangeAddress(signRow + i, signRow + i, 0, split));
				}
				if (i < right.size()) {
					Cell cell = row.createCell(split + 1);
					cell.setCellValue(right.get(i));
					cell.setCellStyle(i == 0 ? agency : italic);
					sheet.addMergedRegion(new CellRangeAddress(signRow + i, signRow + i, split + 1, width - 1));
				}
			}
			int groupRow = XLSX_TOP + HEADER_ROWS - 2;
			sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow + 1, 0, 0));
			sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow + 1, 1, 1));
			int col = 2;
			for (Column.Group group : Column.groups()) {
				if (group.span() > 1) {
					sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow, col, col + group.span() - 1));
				}
				col += group.span();
			}
			sheet.setColumnWidth(0, 6 * 256);
			sheet.setColumnWidth(1, 40 * 256);
			for (int c = 2; c < width; c++) {
				sheet.setColumnWidth(c, 12 * 256);
			}
			sheet.createFreezePane(2, XLSX_TOP + HEADER_ROWS);
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CellStyle centered(XSSFWorkbook book, Font font, boolean italic) {
		CellStyle style = book.createCellStyle();
		style.setAlignment(HorizontalAlignment.CENTER);
		if (italic) {
			Font f = book.createFont();
			f.setItalic(true);
			style.setFont(f);
		}
		else if (font != null) {
			style.setFont(font);
		}
		return style;
	}

	private static void border(CellStyle style) {
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
	}

}

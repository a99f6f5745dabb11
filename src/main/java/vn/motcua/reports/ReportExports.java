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

	byte[] xlsx(Report report, Locale locale) {
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
			for (int r = 0; r < lines.size(); r++) {
				Row row = sheet.createRow(r);
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
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
			for (int r = 1; r <= 3; r++) {
				sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
			}
			int groupRow = HEADER_ROWS - 2;
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
			sheet.createFreezePane(2, HEADER_ROWS);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void border(CellStyle style) {
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
	}

}

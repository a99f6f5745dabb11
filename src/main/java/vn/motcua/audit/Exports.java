package vn.motcua.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tabular exports: CSV in UTF-8 with a byte order mark (Excel then reads Vietnamese), CRLF, RFC
 * 4180 quoting, and cells that could start a spreadsheet formula prefixed with an apostrophe; XLSX
 * written by POI's streaming workbook (100 rows in memory), dates as real Excel dates in Vietnam
 * time.
 */
final class Exports {

	private Exports() {
	}

	/** One export: header, then rows of strings or dates. */
	interface Table extends AutoCloseable {

		void row(List<?> cells);

		@Override
		void close();

	}

	static Table csv(OutputStream out) {
		Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		try {
			w.write('\uFEFF');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		AuditFormat format = new AuditFormat();
		return new Table() {

			@Override
			public void row(List<?> cells) {
				try {
					for (int i = 0; i < cells.size(); i++) {
						if (i > 0) {
							w.write(',');
						}
						Object c = cells.get(i);
						w.write(quote(c instanceof Date d ? format.time(d) : c == null ? "" : c.toString()));
					}
					w.write("\r\n");
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

			@Override
			public void close() {
				try {
					w.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		};
	}

	/** Characters of a date and time as "dd/mm/yyyy hh:mm". */
	private static final int DATE_WIDTH = 16;

	/** Widest column, in characters; longer texts wrap in the cell's width. */
	private static final int MAX_WIDTH = 60;

	static Table xlsx(OutputStream out, String sheetName) {
		SXSSFWorkbook book = new SXSSFWorkbook(100);
		SXSSFSheet sheet = book.createSheet(sheetName);
		CellStyle dateStyle = book.createCellStyle();
		dateStyle.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
		CellStyle headerStyle = book.createCellStyle();
		Font bold = book.createFont();
		bold.setBold(true);
		headerStyle.setFont(bold);
		return new Table() {

			private int next;

			/** Widest content of each column so far, in characters. */
			private final List<Integer> widths = new java.util.ArrayList<>();

			@Override
			public void row(List<?> cells) {
				Row row = sheet.createRow(this.next);
				for (int i = 0; i < cells.size(); i++) {
					Cell cell = row.createCell(i);
					Object c = cells.get(i);
					int width = c instanceof Date ? DATE_WIDTH : c == null ? 0 : c.toString().length();
					if (i == this.widths.size()) {
						this.widths.add(0);
					}
					this.widths.set(i, Math.max(this.widths.get(i), width + (this.next == 0 ? 2 : 0)));
					if (c instanceof Date d) {
						cell.setCellValue(LocalDateTime.ofInstant(d.toInstant(), AuditFormat.ZONE));
						cell.setCellStyle(dateStyle);
					}
					else if (c instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else if (c != null) {
						cell.setCellValue(c.toString());
					}
					if (this.next == 0) {
						cell.setCellStyle(headerStyle);
					}
				}
				if (this.next == 0) {
					sheet.createFreezePane(0, 1);
				}
				this.next++;
			}

			@Override
			public void close() {
				try {
					for (int i = 0; i < this.widths.size(); i++) {
						sheet.setColumnWidth(i, (Math.min(this.widths.get(i), MAX_WIDTH) + 2) * 256);
					}
					book.write(out);
					book.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		};
	}

	static String quote(String value) {
		String v = value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
			return '"' + v.replace("\"", "\"\"") + '"';
		}
		return v;
	}

}

package vn.motcua.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of the two inline SVG charts, computed on the server: the template only draws. Rates
 * are on a 0..100 % axis.
 */
final class Charts {

	static final int WIDTH = 640;

	static final int LABEL_WIDTH = 230;

	static final int BAR_HEIGHT = 18;

	static final int BAR_GAP = 6;

	static final int LINE_HEIGHT = 220;

	private Charts() {
	}

	/** Characters of a bar's label that fit left of the bars at 12 px. */
	static final int LABEL_CHARS = 34;

	/**
	 * One horizontal bar: on-time rate of a row. {@code shortLabel}: the label cut to fit left of the bar
	 * (the whole label is the bar's tooltip).
	 */
	record Bar(String label, int y, int width, String text, boolean flagged) {

		public String shortLabel() {
			return this.label.length() <= LABEL_CHARS ? this.label
					: this.label.substring(0, LABEL_CHARS - 1).stripTrailing() + "…";
		}

	}

	/** Horizontal bars, one per row with resolved dossiers. */
	static List<Bar> bars(Report report, Locale locale) {
		List<Bar> bars = new ArrayList<>();
		int plot = WIDTH - LABEL_WIDTH - 60;
		int y = 0;
		for (Report.Row row : report.rows()) {
			Double rate = row.figures().onTimeRate();
			if (rate == null) {
				continue;
			}
			bars.add(new Bar(row.label(), y, (int) Math.round(rate * plot), percent(rate, locale), row.flagged()));
			y += BAR_HEIGHT + BAR_GAP;
		}
		return bars;
	}

	static int barsHeight(List<Bar> bars) {
		return Math.max(bars.size() * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT);
	}

	/** A point of the trend line; {@code x}, {@code y} in SVG units. */
	record Point(int x, int y, String month, String text) {
	}

	static List<Point> trend(Report report, Locale locale) {
		List<Report.MonthPoint> months = report.trend();
		List<Point> points = new ArrayList<>();
		int left = 50;
		int plot = WIDTH - left - 20;
		int n = months.size();
		for (int i = 0; i < n; i++) {
			Report.MonthPoint m = months.get(i);
			int x = left + (n == 1 ? plot / 2 : i * plot / (n - 1));
			Double rate = m.onTimeRate();
			int y = rate == null ? -1 : yOf(rate);
			points.add(new Point(x, y, String.format(Locale.ROOT, "%02d/%d", m.month().getMonthValue(),
					m.month().getYear() % 100), rate == null ? "" : percent(rate, locale)));
		}
		return points;
	}

	static int yOf(double rate) {
		return 20 + (int) Math.round((1 - rate) * (LINE_HEIGHT - 60));
	}

	/** "x1,y1 x2,y2 ..." over the months that have a rate. */
	static String polyline(List<Point> points) {
		StringBuilder line = new StringBuilder();
		for (Point p : points) {
			if (p.y() >= 0) {
				line.append(line.isEmpty() ? "" : " ").append(p.x()).append(',').append(p.y());
			}
		}
		return line.toString();
	}

	/** "92,69 %", "100,0 %" in Vietnamese (one or two decimals, the reader's separators). */
	static String percent(Double rate, Locale locale) {
		if (rate == null) {
			return "–";
		}
		java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0.0#",
				java.text.DecimalFormatSymbols.getInstance(locale));
		format.setRoundingMode(java.math.RoundingMode.HALF_UP);
		return format.format(rate * 100) + " %";
	}

	/** "17.413" in Vietnamese. */
	static String number(long value, Locale locale) {
		return java.text.NumberFormat.getIntegerInstance(locale).format(value);
	}

}

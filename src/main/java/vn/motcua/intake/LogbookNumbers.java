package vn.motcua.intake;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The number (số thứ tự) of a dossier in its receiving unit's logbook (Sổ theo dõi hồ sơ) of the
 * year: its 1-based position among the dossiers that unit received that year (Vietnam time), in
 * order of receipt, then code. Derived at read time from the index on
 * {@code (receiving_unit, received_at, code)}, so receiving a dossier writes no counter row.
 */
@Component
public class LogbookNumbers {

	private final JdbcClient jdbc;

	LogbookNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The logbook number of the dossier; empty for an unknown code. */
	public OptionalInt number(String code) {
		Integer number = numbers(List.of(code)).get(code);
		return number == null ? OptionalInt.empty() : OptionalInt.of(number);
	}

	/** The year of the logbook (its book, "quyển") the dossier was entered in. */
	public static int year(java.util.Date receivedAt) {
		return LocalDate.ofInstant(receivedAt.toInstant(), Timeliness.ZONE).getYear();
	}

	/**
	 * The logbook numbers of many dossiers (unknown codes left out): per unit and year one count
	 * of the dossiers before the earliest of them and one ordered range read up to the latest.
	 */
	public Map<String, Integer> numbers(Collection<String> codes) {
		List<Entry> entries = new ArrayList<>();
		List<String> distinct = codes.stream().distinct().toList();
		for (int from = 0; from < distinct.size(); from += 500) {
			List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
			entries.addAll(this.jdbc.sql("select code, receiving_unit, received_at from dossier where code in (:codes)")
				.param("codes", chunk)
				.query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getTimestamp(3)))
				.list());
		}
		Map<String, List<Entry>> books = new HashMap<>();
		for (Entry e : entries) {
			books.computeIfAbsent(e.unit() + "\n" + year(e.receivedAt()), k -> new ArrayList<>()).add(e);
		}
		Map<String, Integer> numbers = new LinkedHashMap<>();
		for (List<Entry> book : books.values()) {
			book.sort(Comparator.comparing(Entry::receivedAt).thenComparing(Entry::code));
			Entry first = book.get(0);
			Entry last = book.get(book.size() - 1);
			int year = year(first.receivedAt());
			ZoneId zone = Timeliness.ZONE;
			Timestamp yearStart = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant());
			int before = this.jdbc.sql("""
					select count(*) from dossier where receiving_unit = ? and received_at >= ?
					  and (received_at < ? or (received_at = ? and code < ?))""")
				.params(first.unit(), yearStart, first.receivedAt(), first.receivedAt(), first.code())
				.query(Integer.class)
				.single();
			List<String> range = this.jdbc.sql("""
					select code from dossier where receiving_unit = ?
					  and (received_at > ? or (received_at = ? and code >= ?))
					  and (received_at < ? or (received_at = ? and code <= ?))
					order by received_at, code""")
				.params(first.unit(), first.receivedAt(), first.receivedAt(), first.code(), last.receivedAt(),
						last.receivedAt(), last.code())
				.query(String.class)
				.list();
			Map<String, Integer> position = new HashMap<>();
			for (int i = 0; i < range.size(); i++) {
				position.put(range.get(i), before + i + 1);
			}
			book.forEach(e -> numbers.put(e.code(), position.get(e.code())));
		}
		Map<String, Integer> ordered = new LinkedHashMap<>();
		distinct.forEach(c -> {
			if (numbers.get(c) != null) {
				ordered.put(c, numbers.get(c));
			}
		});
		return ordered;
	}

	private record Entry(String code, String unit, Timestamp receivedAt) {
	}

}

package vn.motcua.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.organisation.Unit;

/**
 * {@code <agency code>-YYMMDD-NNNN} (Circular 01/2018 Art. 19): the receiving agency's code, the
 * day of receipt in Asia/Ho_Chi_Minh and a 4-digit daily sequence per agency.
 * <p>
 * The number is allocated in a short transaction of its own, on a small connection pool of its own
 * (so that an intake never waits for a second connection of the main pool), and committed before
 * the code is used. The engine transaction that stores the dossier holds no lock on the counter,
 * and a rolled-back intake leaves a gap instead of giving its number back to the next dossier.
 * <p>
 * At startup every counter of the recent days is raised to the highest code issued in
 * {@code dossier} and to the high-water mark this node remembers outside the database
 * ({@link CodeHighWater}); when the database is behind that mark (restored from a backup) the
 * counters also skip a safety margin.
 */
@Component
class DailySequenceCodeGenerator implements DossierCodeGenerator, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DailySequenceCodeGenerator.class);

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private final HikariDataSource pool;

	private final JdbcClient jdbc;

	private final TransactionTemplate allocation;

	private final CodeHighWater highWater;

	private final int restoreMargin;

	private final boolean restored;

	DailySequenceCodeGenerator(DataSourceProperties properties, CodeHighWater highWater,
			@Value("${motcua.codes.restore-margin:100}") int restoreMargin,
			@Value("${motcua.codes.restored:false}") boolean restored) {
		this.pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		this.pool.setPoolName("dossier-codes");
		this.pool.setMaximumPoolSize(4);
		this.pool.setMinimumIdle(0);
		this.jdbc = JdbcClient.create(this.pool);
		this.allocation = new TransactionTemplate(new DataSourceTransactionManager(this.pool));
		this.highWater = highWater;
		this.restoreMargin = restoreMargin;
		this.restored = restored;
	}

	DataSource dataSource() {
		return this.pool;
	}

	@Override
	public String next(Unit unit, Date receivedAt) {
		String agency = unit.agencyCode() == null || unit.agencyCode().isBlank() ? unit.code() : unit.agencyCode();
		String day = DAY.format(receivedAt.toInstant().atZone(Timeliness.ZONE));
		int value = allocate(agency, day);
		if (value > 9999) {
			throw new IllegalStateException("Đã hết số thứ tự hồ sơ trong ngày của cơ quan " + agency);
		}
		this.highWater.issued(agency, day, value);
		return agency + "-" + day + "-" + String.format("%04d", value);
	}

	/** Increments the counter and commits, in a transaction of its own; creates a missing row. */
	private int allocate(String agency, String day) {
		for (int attempt = 0; attempt < 5; attempt++) {
			Integer value = this.allocation.execute(status -> {
				int updated = this.jdbc
					.sql("update dossier_sequence set last_value = last_value + 1 where agency_code = ? and receipt_day = ?")
					.params(agency, day)
					.update();
				if (updated == 0) {
					return null;
				}
				return this.jdbc.sql("select last_value from dossier_sequence where agency_code = ? and receipt_day = ?")
					.params(agency, day)
					.query(Integer.class)
					.single();
			});
			if (value != null) {
				return value;
			}
			try {
				this.allocation.executeWithoutResult(status -> this.jdbc
					.sql("insert into dossier_sequence (agency_code, receipt_day, last_value) values (?, ?, 0)")
					.params(agency, day)
					.update());
			}
			catch (DuplicateKeyException ex) {
				// created meanwhile by a concurrent intake
			}
		}
		throw new IllegalStateException("Không cấp được mã hồ sơ cho cơ quan " + agency);
	}

	/**
	 * Raises the counters of yesterday and later to the highest issued code and to this node's
	 * high-water marks. Runs before the application takes requests.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void reseed() {
		String since = DAY.format(LocalDate.now(Timeliness.ZONE).minusDays(1));
		Map<String, Integer> marks = this.highWater.load();
		boolean behind = false;
		for (Map.Entry<String, Integer> mark : marks.entrySet()) {
			String[] key = CodeHighWater.split(mark.getKey());
			if (key[1].compareTo(since) >= 0 && counter(key[0], key[1]) < mark.getValue()) {
				behind = true;
			}
		}
		int margin = behind || this.restored ? this.restoreMargin : 0;
		if (behind) {
			log.warn("Dossier code counters are behind the codes this node issued (database restored from a backup?): "
					+ "raising them and skipping {} numbers", margin);
		}
		for (Map.Entry<String, Integer> mark : marks.entrySet()) {
			String[] key = CodeHighWater.split(mark.getKey());
			if (key[1].compareTo(since) >= 0) {
				raise(key[0], key[1], mark.getValue(), margin);
			}
		}
		List<Map<String, Object>> rows = this.jdbc
			.sql("select agency_code, receipt_day, last_value from dossier_sequence where receipt_day >= ?")
			.param(since)
			.query()
			.listOfRows();
		for (Map<String, Object> row : rows) {
			String agency = (String) value(row, "agency_code");
			String day = (String) value(row, "receipt_day");
			String prefix = agency + "-" + day + "-";
			String maxCode = this.jdbc.sql("select max(code) from dossier where code >= ? and code < ?")
				.params(prefix, agency + "-" + day + ".")
				.query(String.class)
				.optional()
				.orElse(null);
			int issued = 0;
			if (maxCode != null && maxCode.length() == prefix.length() + 4) {
				issued = Integer.parseInt(maxCode.substring(prefix.length()));
			}
			raise(agency, day, issued, margin);
		}
	}

	private static Object value(Map<String, Object> row, String column) {
		Object v = row.get(column);
		return v != null ? v : row.get(column.toUpperCase());
	}

	private int counter(String agency, String day) {
		return this.jdbc.sql("select last_value from dossier_sequence where agency_code = ? and receipt_day = ?")
			.params(agency, day)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Sets the counter to at least {@code issued + margin} (never lowers it). */
	private void raise(String agency, String day, int issued, int margin) {
		int floor = issued + margin;
		if (floor <= 0 || raiseExisting(agency, day, floor) || counter(agency, day) >= floor) {
			return;
		}
		try {
			this.allocation.executeWithoutResult(status -> this.jdbc
				.sql("insert into dossier_sequence (agency_code, receipt_day, last_value) values (?, ?, ?)")
				.params(agency, day, floor)
				.update());
		}
		catch (DuplicateKeyException ex) {
			raiseExisting(agency, day, floor);
		}
	}

	private boolean raiseExisting(String agency, String day, int floor) {
		Integer updated = this.allocation.execute(status -> this.jdbc
			.sql("update dossier_sequence set last_value = ? where agency_code = ? and receipt_day = ? and last_value < ?")
			.params(floor, agency, day, floor)
			.update());
		return updated != null && updated > 0;
	}

	@Override
	public void destroy() {
		this.pool.close();
	}

}

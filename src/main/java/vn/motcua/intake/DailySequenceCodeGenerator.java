package vn.motcua.intake;

import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.organisation.Unit;

/**
 * {@code <agency code>-YYMMDD-NNNN} (Circular 01/2018 Art. 19): the receiving agency's code, the
 * day of receipt in Asia/Ho_Chi_Minh and a 4-digit daily sequence per agency. The sequence row is
 * incremented by an UPDATE in the caller's transaction, so concurrent intakes queue on the row lock
 * and a rolled-back intake gives its number back. A missing row is inserted under a savepoint of the
 * same transaction (a concurrent creator's duplicate rolls back to the savepoint, which keeps a
 * PostgreSQL transaction usable), then the UPDATE is retried. No second connection is needed, so
 * concurrent intakes cannot starve the connection pool.
 */
@Component
class DailySequenceCodeGenerator implements DossierCodeGenerator {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private final JdbcClient jdbc;

	private final TransactionTemplate savepoint;

	DailySequenceCodeGenerator(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@Override
	public String next(Unit unit, Date receivedAt) {
		String agency = unit.agencyCode() == null || unit.agencyCode().isBlank() ? unit.code() : unit.agencyCode();
		String day = DAY.format(receivedAt.toInstant().atZone(Timeliness.ZONE));
		for (int attempt = 0; attempt < 3; attempt++) {
			int updated = this.jdbc
				.sql("update dossier_sequence set last_value = last_value + 1 where agency_code = ? and receipt_day = ?")
				.params(agency, day)
				.update();
			if (updated == 1) {
				int value = this.jdbc.sql("select last_value from dossier_sequence where agency_code = ? and receipt_day = ?")
					.params(agency, day)
					.query(Integer.class)
					.single();
				if (value > 9999) {
					throw new IllegalStateException("Đã hết số thứ tự hồ sơ trong ngày của cơ quan " + agency);
				}
				return agency + "-" + day + "-" + String.format("%04d", value);
			}
			createRow(agency, day);
		}
		throw new IllegalStateException("Không cấp được mã hồ sơ cho cơ quan " + agency);
	}

	private void createRow(String agency, String day) {
		try {
			this.savepoint.executeWithoutResult(status -> this.jdbc
				.sql("insert into dossier_sequence (agency_code, receipt_day, last_value) values (?, ?, 0)")
				.params(agency, day)
				.update());
		}
		catch (DuplicateKeyException ex) {
			// created meanwhile by a concurrent intake
		}
	}

}

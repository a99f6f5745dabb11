package vn.motcua.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.organisation.Unit;
import vn.motcua.procedure.ProcedureTestBase;

/**
 * The daily number is allocated and committed on its own: an open intake holds no lock on the
 * counter, a rolled-back intake leaves a gap, and a counter behind the codes already issued (a
 * restored backup) is raised at startup, past a safety margin when the node's high-water mark
 * shows the database went back in time.
 */
class DossierCodesNeverReissuedTest extends ProcedureTestBase {

	@Autowired
	DossierCodeGenerator codes;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSourceProperties datasource;

	static Unit unit(String agency) {
		return new Unit("test-" + agency, agency, "Bộ phận thử", "commune", null, List.of("desk"), null);
	}

	static int number(String code) {
		return Integer.parseInt(code.substring(code.length() - 4));
	}

	@Test
	void anOpenIntakeDoesNotBlockTheNextAndARolledBackOneLeavesAGap() throws Exception {
		Unit unit = unit("000.99.98.H01");
		Date now = new Date();
		CountDownLatch allocated = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<String> open = pool.submit(() -> {
				try {
					return this.transactions.execute(status -> {
						String code = this.codes.next(unit, now);
						allocated.countDown();
						await(release);
						status.setRollbackOnly();
						return code;
					});
				}
				finally {
					allocated.countDown();
				}
			});
			assertThat(allocated.await(30, TimeUnit.SECONDS)).isTrue();
			long t = System.nanoTime();
			String second = this.transactions.execute(status -> this.codes.next(unit, now));
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t)).as("waited for the open intake")
				.isLessThan(1_500);
			release.countDown();
			String first = open.get(30, TimeUnit.SECONDS);
			assertThat(number(second)).isEqualTo(number(first) + 1);
			String third = this.transactions.execute(status -> this.codes.next(unit, now));
			assertThat(number(third)).as("the rolled-back number is not given again").isEqualTo(number(first) + 2);
		}
		finally {
			release.countDown();
			pool.shutdownNow();
		}
	}

	@Test
	void countersAreRaisedAfterARestoreFromABackup(@TempDir Path dir) {
		Unit unit = unit("000.99.98.H02");
		Date now = new Date();
		CodeHighWater highWater = new CodeHighWater(dir.resolve("dossier-codes.highwater"));
		DailySequenceCodeGenerator node = new DailySequenceCodeGenerator(this.datasource, highWater, 100, false);
		try {
			String day = DailySequenceCodeGenerator.DAY.format(now.toInstant().atZone(Timeliness.ZONE));
			for (int i = 0; i < 5; i++) {
				node.next(unit, now);
			}
			assertThat(Files.exists(dir.resolve("dossier-codes.highwater"))).isTrue();
			// the backup was taken after the second number: the counter goes back to 2
			this.jdbc.sql("update dossier_sequence set last_value = 2 where agency_code = ? and receipt_day = ?")
				.params(unit.agencyCode(), day)
				.update();
			DailySequenceCodeGenerator restarted = new DailySequenceCodeGenerator(this.datasource,
					new CodeHighWater(dir.resolve("dossier-codes.highwater")), 100, false);
			try {
				restarted.reseed();
				assertThat(number(restarted.next(unit, now))).as("past the high-water mark and the margin")
					.isEqualTo(5 + 100 + 1);
				restarted.reseed();
				assertThat(number(restarted.next(unit, now))).as("a plain restart leaves no gap").isEqualTo(5 + 100 + 2);
			}
			finally {
				restarted.destroy();
			}
		}
		finally {
			node.destroy();
		}
	}

	@Test
	void aCounterBehindTheStoredDossiersIsRaisedToTheHighestCode() {
		Unit unit = unit("000.99.98.H03");
		Date now = new Date();
		String code = this.transactions.execute(status -> this.codes.next(unit, now));
		String day = DailySequenceCodeGenerator.DAY.format(now.toInstant().atZone(Timeliness.ZONE));
		String stored = unit.agencyCode() + "-" + day + "-0042";
		this.jdbc.sql("""
				insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit, applicant_name,
				  channel, legal_working_days, received_at, original_due, legal_due, due_at, status)
				values (?, 'p', 'p', 1, 'test', 'Nguyễn Văn A', 'in-person', 1, ?, ?, ?, ?, 'IN_PROGRESS')""")
			.params(stored, now, now, now, now)
			.update();
		assertThat(number(code)).isLessThan(42);
		DailySequenceCodeGenerator restarted = new DailySequenceCodeGenerator(this.datasource,
				new CodeHighWater((Path) null), 100, false);
		try {
			restarted.reseed();
			assertThat(restarted.next(unit, now)).isEqualTo(unit.agencyCode() + "-" + day + "-0043");
		}
		finally {
			restarted.destroy();
			this.jdbc.sql("delete from dossier where code = ?").param(stored).update();
		}
	}

	@Test
	void theDailyLimitIsARefusalNotAReissue() {
		Unit unit = unit("000.99.98.H04");
		Date now = new Date();
		String day = DailySequenceCodeGenerator.DAY.format(now.toInstant().atZone(Timeliness.ZONE));
		this.transactions.execute(status -> this.codes.next(unit, now));
		this.jdbc.sql("update dossier_sequence set last_value = 9999 where agency_code = ? and receipt_day = ?")
			.params(unit.agencyCode(), day)
			.update();
		assertThatThrownBy(() -> this.codes.next(unit, now)).hasMessageContaining("Đã hết số thứ tự");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

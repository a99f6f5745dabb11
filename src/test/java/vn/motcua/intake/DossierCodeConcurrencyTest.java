package vn.motcua.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.organisation.Unit;
import vn.motcua.procedure.ProcedureTestBase;

/** Codes assigned by concurrent intakes are distinct and consecutive. */
class DossierCodeConcurrencyTest extends ProcedureTestBase {

	@Autowired
	DossierCodeGenerator codes;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void eightThreadsFiftyCodesEach() throws Exception {
		Unit unit = new Unit("test-desk", "000.99.99.H99", "Bộ phận thử", "commune", null, List.of("desk"), null);
		var received = at(BEFORE_TET);
		List<String> all = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Void>> jobs = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				jobs.add(() -> {
					for (int i = 0; i < 50; i++) {
						all.add(this.transactions.execute(status -> this.codes.next(unit, received)));
					}
					return null;
				});
			}
			for (Future<Void> f : pool.invokeAll(jobs)) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(all).hasSize(400).doesNotHaveDuplicates();
		assertThat(all).allMatch(code -> code.startsWith("000.99.99.H99-260213-"));
		assertThat(all.stream().map(c -> Integer.parseInt(c.substring(c.length() - 4))).sorted().toList())
			.isEqualTo(IntStream.rangeClosed(1, 400).boxed().toList());
	}

}

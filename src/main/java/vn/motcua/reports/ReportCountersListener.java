package vn.motcua.reports;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.motcua.intake.DossierChanged;
import vn.motcua.procedure.HandoffChanged;

/**
 * Records, in the transaction that changed a dossier or a handoff (the events are published
 * synchronously), that its counters must be folded ({@link ReportFolding}), and fills them at startup when dossiers exist that were never counted
 * (a database loaded in bulk, or older than the counters).
 */
@Component
class ReportCountersListener {

	private static final Logger log = LoggerFactory.getLogger(ReportCountersListener.class);

	private final ReportCounters counters;

	private final ReportFolding folding;

	private final JdbcTemplate jdbc;

	ReportCountersListener(ReportCounters counters, ReportFolding folding, JdbcTemplate jdbc) {
		this.counters = counters;
		this.folding = folding;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(DossierChanged event) {
		this.folding.changed(event.code());
	}

	@EventListener
	void on(HandoffChanged event) {
		List<String> codes = this.jdbc.queryForList("select dossier_code from handoff where id = ?", String.class,
				event.id());
		codes.forEach(this.folding::changed);
	}

	@EventListener(ApplicationReadyEvent.class)
	void fillAtStartup() {
		if (this.counters.missesDossiers()) {
			log.info("Report counters miss dossiers: rebuilding them");
			this.counters.rebuild();
		}
	}

}

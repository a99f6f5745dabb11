package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.Timeliness;

/**
 * {@code ${closeDossierDelegate}}: the result was returned. The dossier is classified EARLY /
 * ON_TIME / LATE against its legal due: the original appointment extended by the time the clock
 * was stopped, but not by the apology's new date (a rescheduled dossier was late in law; see
 * {@code docs/procedure-engine.md}).
 */
@Component("closeDossierDelegate")
class CloseDossierDelegate implements JavaDelegate {

	/** Variable set on the instance. */
	static final String TIMELINESS = "timeliness";

	private static final Logger log = LoggerFactory.getLogger(CloseDossierDelegate.class);

	private final Dossiers dossiers;

	private final DossierIdentity identity;

	CloseDossierDelegate(Dossiers dossiers, DossierIdentity identity) {
		this.dossiers = dossiers;
		this.identity = identity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Dossier dossier = this.identity.dossier(execution);
		String code = dossier.code();
		Date now = ClockUtil.getCurrentTime();
		Timeliness timeliness = Timeliness.of(now, dossier.legalDue());
		this.dossiers.close(code, now, timeliness);
		execution.setVariable(TIMELINESS, timeliness.name());
		log.info("Dossier {} returned {} ({} against {})", code, now, timeliness, dossier.legalDue());
	}

}

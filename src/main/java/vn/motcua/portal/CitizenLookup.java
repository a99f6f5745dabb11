package vn.motcua.portal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.LookupSecrets;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.Handoffs;

/**
 * Finds a dossier by its code and the lookup secret of its receipt, and keeps only what a citizen
 * may see. An unknown code and a wrong secret are the same answer: nothing.
 */
@Component
class CitizenLookup {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Agency code, receipt date and sequence: letters, digits, dots and dashes. */
	private static final Pattern CODE = Pattern.compile("[0-9A-Za-z.]{1,40}-\\d{6}-\\d{4}");

	private final Dossiers dossiers;

	private final Handoffs handoffs;

	private final Organisation organisation;

	private final LookupSecrets secrets;

	CitizenLookup(Dossiers dossiers, Handoffs handoffs, Organisation organisation, LookupSecrets secrets) {
		this.secrets = secrets;
		this.dossiers = dossiers;
		this.handoffs = handoffs;
		this.organisation = organisation;
	}

	static boolean wellFormed(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	Optional<DossierStatusView> find(String code, String secret) {
		if (!wellFormed(code) || secret == null) {
			return Optional.empty();
		}
		// The secret is checked (against a stand-in when there is none) before the dossier is read.
		if (!this.secrets.matches(code, secret)) {
			return Optional.empty();
		}
		return this.dossiers.find(code).map(this::view);
	}

	private DossierStatusView view(Dossier dossier) {
		var steps = this.handoffs.ofDossier(dossier.code())
			.stream()
			.filter(Handoff::open)
			.map(h -> new DossierStatusView.Step(h.stepName(), unitName(h.toUnit()), local(h.dueAt())))
			.toList();
		return new DossierStatusView(dossier.code(), dossier.procedureName(),
				DossierStatusView.mask(dossier.applicantName()), unitName(dossier.receivingUnit()),
				local(dossier.receivedAt()), local(dossier.due()),
				!dossier.due().equals(dossier.legalDue()) && !dossier.due().equals(dossier.originalDue()),
				dossier.status().name(), dossier.timeliness() == null ? null : dossier.timeliness().name(),
				local(dossier.finishedAt()), steps);
	}

	private String unitName(String code) {
		return this.organisation.find(code).map(Unit::name).orElse(code);
	}

	private static LocalDateTime local(Date date) {
		return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZONE);
	}

}

package vn.motcua.portal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.motcua.intake.Dossier;
import vn.motcua.intake.DossierStatus;
import vn.motcua.intake.Dossiers;
import vn.motcua.intake.LookupSecrets;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.Handoff;
import vn.motcua.procedure.Handoffs;
import vn.motcua.procedure.SupplementRequests;

/**
 * Finds a dossier by its code and the lookup secret of its receipt, and keeps only what a citizen
 * may see. An unknown code and a wrong secret are the same answer: nothing.
 */
@Component
class CitizenLookup {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Agency code, receipt date and sequence: letters, digits, dots and dashes. */
	private static final Pattern CODE = Pattern.compile("[0-9A-Za-z.]{1,40}-\\d{6}-\\d{4}");

	/** The agency part and the rest ({@code -YYMMDD-NNNN}). */
	private static final Pattern SUFFIX = Pattern.compile("([0-9A-Za-z.]{1,40})(-\\d{6}-\\d{4})");

	private final Dossiers dossiers;

	private final Handoffs handoffs;

	private final Organisation organisation;

	private final LookupSecrets secrets;

	private final SupplementRequests supplements;

	CitizenLookup(Dossiers dossiers, Handoffs handoffs, Organisation organisation, LookupSecrets secrets,
			SupplementRequests supplements) {
		this.supplements = supplements;
		this.secrets = secrets;
		this.dossiers = dossiers;
		this.handoffs = handoffs;
		this.organisation = organisation;
	}

	static boolean wellFormed(String code) {
		return code != null && CODE.matcher(code).matches();
	}

	/**
	 * The code as the receipt prints it, from what a citizen typed: surrounding spaces (also
	 * non-breaking and zero-width ones from a copied text) dropped, and the agency part spelt as
	 * the organisation spells it, whatever the case typed (else in capitals, as QCVN 102:2016
	 * writes agency codes). Reads no dossier. Null stays null.
	 */
	String canonical(String typed) {
		if (typed == null) {
			return null;
		}
		String code = typed.replaceAll("^[\\s\\u00A0\\u200B\\uFEFF]+|[\\s\\u00A0\\u200B\\uFEFF]+$", "");
		Matcher parts = SUFFIX.matcher(code);
		if (!parts.matches()) {
			return code;
		}
		String agency = parts.group(1);
		String spelt = this.organisation.units()
			.stream()
			.map(Unit::agencyCode)
			.filter(a -> a != null && a.equalsIgnoreCase(agency))
			.findFirst()
			.orElse(agency.toUpperCase(Locale.ROOT));
		return spelt + parts.group(2);
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
			// a step waiting for the citizen has no running due instant: the supplement says what is due
			.filter(h -> h.pausedAt() == null)
			.map(h -> new DossierStatusView.Step(h.stepName(), unitName(h.toUnit()), local(h.dueAt())))
			.toList();
		return new DossierStatusView(dossier.code(), dossier.procedureName(),
				DossierStatusView.mask(dossier.applicantName()), unitName(dossier.receivingUnit()),
				local(dossier.receivedAt()), local(dossier.due()),
				!dossier.due().equals(dossier.legalDue()) && !dossier.due().equals(dossier.originalDue()),
				dossier.status().name(), dossier.timeliness() == null ? null : dossier.timeliness().name(),
				local(dossier.finishedAt()), steps, supplements(dossier),
				dossier.status() == DossierStatus.REFUSED ? dossier.refusalReason() : null);
	}

	private List<DossierStatusView.Supplement> supplements(Dossier dossier) {
		if (dossier.status() != DossierStatus.WAITING_CITIZEN) {
			return List.of();
		}
		return this.supplements.pending(dossier.code())
			.stream()
			.map(p -> new DossierStatusView.Supplement(p.items(), unitName(p.unitCode()), local(p.citizenDue())))
			.toList();
	}

	private String unitName(String code) {
		return this.organisation.find(code).map(Unit::name).orElse(code);
	}

	private static LocalDateTime local(Date date) {
		return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZONE);
	}

}

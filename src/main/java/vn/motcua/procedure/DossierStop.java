package vn.motcua.procedure;

import java.time.LocalDate;
import java.util.Date;

/**
 * The applicant's request to stop a dossier before its result (form 05 of Circular 03/2025), as
 * recorded: the day of the request, its reason, the desk and the official who stopped it.
 */
public record DossierStop(String dossierCode, LocalDate requestedOn, String reason, String receivingUnit,
		String stoppedBy, Date stoppedAt) {
}

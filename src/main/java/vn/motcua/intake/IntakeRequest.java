package vn.motcua.intake;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/dossiers}.
 *
 * @param procedureKey the process id of the procedure, e.g. {@code birth-registration}
 * @param receivingUnit code of the receiving desk; defaults to the caller's desk unit
 * @param applicant the applicant (người nộp hồ sơ)
 * @param channel {@code in-person}, {@code online} or {@code postal}
 * @param documents values of the documents checklist of the intake form
 * @param data procedure-specific fields of the intake form
 */
record IntakeRequest(String procedureKey, String receivingUnit, Applicant applicant, String channel,
		List<String> documents, Map<String, Object> data) {

	record Applicant(String name, String idNumber, String phone, String email, String address) {
	}

}

package vn.motcua.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.DossierVariables;

/** The start variables of a birth registration received at a commune desk, for the audit tests. */
final class BirthIntake {

	private BirthIntake() {
	}

	static Map<String, Object> at(String unit, String applicant) {
		Map<String, Object> v = new HashMap<>();
		v.put(DossierVariables.RECEIVING_UNIT, unit);
		v.put(DossierVariables.APPLICANT_NAME, applicant);
		v.put(DossierVariables.APPLICANT_ID_NUMBER, "001190012345");
		v.put(DossierVariables.APPLICANT_PHONE, "0912345678");
		v.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Đông, xã An Bình");
		v.put(DossierVariables.CHANNEL, "in-person");
		v.put(DossierVariables.DOCUMENTS, List.of("to-khai-dien-tu", "giay-chung-sinh"));
		v.put(BirthRegistrationProcess.CHILD_NAME, "Trần Minh An");
		v.put(BirthRegistrationProcess.CHILD_BIRTH_DATE, "2026-02-10");
		v.put(BirthRegistrationProcess.CHILD_SEX, "nam");
		v.put(BirthRegistrationProcess.BIRTHPLACE, "Bệnh viện đa khoa tỉnh");
		v.put(BirthRegistrationProcess.MOTHER_NAME, applicant);
		return v;
	}

}

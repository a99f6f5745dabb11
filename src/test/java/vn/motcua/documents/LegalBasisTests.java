package vn.motcua.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

/** The circular of a dossier's forms follows its receipt day (Vietnam time). */
class LegalBasisTests {

	private static Date vietnam(LocalDateTime local) {
		return Date.from(local.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
	}

	@Test
	void aDossierOf30June2025GetsThe2018Numbering() {
		assertThat(LegalBasis.of(LocalDate.of(2025, 6, 30))).isEqualTo(LegalBasis.CIRCULAR_01_2018);
		// 23:30 on 30/06 in Vietnam is 16:30 UTC: still 2018
		assertThat(LegalBasis.of(vietnam(LocalDateTime.of(2025, 6, 30, 23, 30)))).isEqualTo(LegalBasis.CIRCULAR_01_2018);
		LegalBasis old = LegalBasis.of(LocalDate.of(2025, 6, 30));
		assertThat(old.number(OfficialForm.RECEIPT)).contains("01");
		assertThat(old.number(OfficialForm.APOLOGY)).contains("04");
		assertThat(old.number(OfficialForm.CONTROL_SHEET)).contains("05");
		assertThat(old.number(OfficialForm.LOGBOOK)).contains("06");
		assertThat(old.has(OfficialForm.STOP_NOTICE)).isFalse();
		assertThat(old.number(OfficialForm.STOP_NOTICE)).isEmpty();
		assertThat(old.circularCode()).isEqualTo("documents.basis.2018");
	}

	@Test
	void fromThe1stOfJuly2025TheFormsOfCircular03Apply() {
		// 00:10 on 01/07 in Vietnam is still 30/06 in UTC
		LegalBasis basis = LegalBasis.of(vietnam(LocalDateTime.of(2025, 7, 1, 0, 10)));
		assertThat(basis).isEqualTo(LegalBasis.CIRCULAR_03_2025);
		assertThat(basis.number(OfficialForm.RECEIPT)).contains("01");
		assertThat(basis.number(OfficialForm.SUPPLEMENT_REQUEST)).contains("02");
		assertThat(basis.number(OfficialForm.REFUSAL)).contains("03");
		assertThat(basis.number(OfficialForm.APOLOGY)).contains("04");
		assertThat(basis.number(OfficialForm.STOP_NOTICE)).contains("05");
		assertThat(basis.number(OfficialForm.CONTROL_SHEET)).contains("06");
		assertThat(basis.number(OfficialForm.LOGBOOK)).contains("07");
		assertThat(basis.titleCode(OfficialForm.APOLOGY)).isEqualTo("documents.form.apology.title.2025");
	}

	@Test
	void thePlaceOfTheDateLineComesFromTheUnitsName() {
		assertThat(OfficialFrames.place("UBND xã An Bình")).contains("An Bình");
		assertThat(OfficialFrames.place("Bảo hiểm xã hội huyện Bắc Sơn")).contains("Bắc Sơn");
		assertThat(OfficialFrames.place("UBND Tỉnh Demo")).contains("Demo");
		assertThat(OfficialFrames.place("UBND phường Tân An")).contains("Tân An");
		assertThat(OfficialFrames.place("Trung tâm Phục vụ hành chính công tỉnh")).isEmpty();
		assertThat(OfficialFrames.place("Sở Xây dựng")).isEmpty();
	}

}

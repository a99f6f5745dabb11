package vn.motcua.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The rules of a Camunda Form applied on the server, and the timeliness classification. */
class IntakeFormTests {

	static IntakeForm form(String id) throws Exception {
		return new IntakeForm(new ObjectMapper().readTree(new File("forms/" + id + ".form")));
	}

	static Map<String, Object> valid() {
		Map<String, Object> values = new HashMap<>();
		values.put("applicantName", "Nguyễn Thị Lan");
		values.put("applicantIdNumber", "001190012345");
		values.put("applicantPhone", "+84912345678");
		values.put("applicantAddress", "Thôn Đông");
		values.put("channel", "online");
		values.put("childName", "Trần Minh An");
		values.put("childBirthDate", "2026-02-10");
		values.put("childSex", "nu");
		values.put("birthplace", "Trạm y tế");
		values.put("motherName", "Nguyễn Thị Lan");
		values.put("documents", List.of("to-khai-dien-tu"));
		return values;
	}

	@Test
	void validIntake() throws Exception {
		assertThat(form("birth-registration-intake").validate(valid())).isEmpty();
	}

	@Test
	void eachRuleHasAVietnameseMessage() throws Exception {
		Map<String, Object> values = valid();
		values.put("applicantIdNumber", "12AB");
		values.put("applicantEmail", "khong-phai-email");
		values.put("channel", "fax");
		values.put("childSex", "khac");
		values.put("childBirthDate", "10/02/2026");
		values.put("childName", "x".repeat(201));
		values.remove("motherName");
		values.put("documents", List.of("giay-gia"));
		Map<String, String> errors = form("birth-registration-intake").validate(values);
		assertThat(errors).containsOnlyKeys("applicantIdNumber", "applicantEmail", "channel", "childSex",
				"childBirthDate", "childName", "motherName", "documents");
		assertThat(errors.get("applicantIdNumber")).contains("không đúng định dạng");
		assertThat(errors.get("applicantEmail")).contains("thư điện tử");
		assertThat(errors.get("channel")).contains("fax");
		assertThat(errors.get("childBirthDate")).contains("yyyy-MM-dd");
		assertThat(errors.get("childName")).contains("200 ký tự");
		assertThat(errors.get("motherName")).contains("bắt buộc");
		assertThat(errors.get("documents")).contains("giay-gia");
	}

	@Test
	void hiddenFieldsAreNotChecked() throws Exception {
		IntakeForm step = form("completeness-check");
		assertThat(step.validate(Map.of("stepOutcome", "done", "refusalReason", "x".repeat(3000)))).isEmpty();
		assertThat(step.validate(Map.of("stepOutcome", "refuse", "refusalReason", "x".repeat(3000))))
			.containsKey("refusalReason");
		assertThat(step.validate(Map.of())).containsKey("stepOutcome");
	}

	static Date at(String local) {
		return Date.from(LocalDateTime.parse(local).atZone(Timeliness.ZONE).toInstant());
	}

	@Test
	void timeliness() {
		Date due = at("2026-02-25T09:00");
		assertThat(Timeliness.of(at("2026-02-24T16:59"), due)).isEqualTo(Timeliness.EARLY);
		assertThat(Timeliness.of(at("2026-02-25T08:00"), due)).isEqualTo(Timeliness.ON_TIME);
		assertThat(Timeliness.of(due, due)).isEqualTo(Timeliness.ON_TIME);
		assertThat(Timeliness.of(at("2026-02-25T09:01"), due)).isEqualTo(Timeliness.LATE);
	}

}

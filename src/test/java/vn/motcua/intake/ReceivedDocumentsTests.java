package vn.motcua.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The form and quantity of a document, as the checklist's custom properties declare them. */
class ReceivedDocumentsTests {

	@Test
	void undeclaredDocumentsAreOneOriginal() {
		assertThat(ReceivedDocuments.form(null)).isEqualTo("bản chính");
		assertThat(ReceivedDocuments.quantity(null)).isEqualTo(1);
		assertThat(ReceivedDocuments.quantity("0")).isEqualTo(1);
		assertThat(ReceivedDocuments.quantity("hai")).isEqualTo(1);
	}

	@Test
	void declaredFormsPrintInVietnamese() {
		assertThat(ReceivedDocuments.form("copy")).isEqualTo("bản sao");
		assertThat(ReceivedDocuments.form("Certified-Copy")).isEqualTo("bản sao có chứng thực");
		assertThat(ReceivedDocuments.form("photocopy")).isEqualTo("bản chụp");
		assertThat(ReceivedDocuments.form("bản sao y")).isEqualTo("bản sao y");
		assertThat(ReceivedDocuments.quantity(" 2 ")).isEqualTo(2);
	}

	@Test
	void theIntakeFormReadsTheChecklistsCustomProperties() throws Exception {
		IntakeForm form = new IntakeForm(new ObjectMapper().readTree("""
				{"id": "x-intake", "components": [{"key": "documents", "type": "checklist", "label": "Thành phần",
				  "values": [{"label": "Bản vẽ", "value": "drawings"}],
				  "properties": {"form.drawings": "copy", "quantity.drawings": "2"}}]}"""));
		assertThat(form.properties("documents")).isEqualTo(Map.of("form.drawings", "copy", "quantity.drawings", "2"));
		assertThat(form.labels("documents")).isEqualTo(Map.of("drawings", "Bản vẽ"));
	}

}

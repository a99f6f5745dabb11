package vn.motcua.intake;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.motcua.procedure.DossierVariables;

/**
 * The documents of a dossier with their form (bản chính / bản sao) and quantity, as the procedure
 * declares them on the documents checklist of its intake form, in the version the dossier was
 * received on. The designer states them per option in the checklist's custom properties:
 * {@code form.<option value>} = {@code original}, {@code copy}, {@code certified-copy},
 * {@code photocopy} (or the Vietnamese words), {@code quantity.<option value>} = a whole number.
 * Undeclared: bản chính, 1.
 */
@Component
public class ReceivedDocuments {

	static final String FORM = "form.";

	static final String QUANTITY = "quantity.";

	private static final Map<String, String> FORMS = Map.of("original", "bản chính", "copy", "bản sao",
			"certified-copy", "bản sao có chứng thực", "photocopy", "bản chụp");

	private final IntakeService intake;

	ReceivedDocuments(IntakeService intake) {
		this.intake = intake;
	}

	public List<ReceivedDocument> of(Dossier dossier) {
		var form = this.intake.intakeForm(dossier.procedureKey(), dossier.procedureVersion());
		Map<String, String> labels = form.map(f -> f.labels(DossierVariables.DOCUMENTS)).orElse(Map.of());
		Map<String, String> properties = form.map(f -> f.properties(DossierVariables.DOCUMENTS)).orElse(Map.of());
		return dossier.documents()
			.stream()
			.map(d -> new ReceivedDocument(d, labels.getOrDefault(d, d), form(properties.get(FORM + d)),
					quantity(properties.get(QUANTITY + d))))
			.toList();
	}

	static String form(String declared) {
		if (declared == null || declared.isBlank()) {
			return FORMS.get("original");
		}
		String key = declared.strip().toLowerCase(java.util.Locale.ROOT);
		return FORMS.getOrDefault(key, declared.strip());
	}

	static int quantity(String declared) {
		try {
			int quantity = declared == null ? 1 : Integer.parseInt(declared.strip());
			return quantity > 0 ? quantity : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}

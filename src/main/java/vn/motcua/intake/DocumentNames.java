package vn.motcua.intake;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The names of a dossier's documents, as the checklist of the intake form it was received with labels them. */
@Component
public class DocumentNames {

	private final IntakeService intake;

	DocumentNames(IntakeService intake) {
		this.intake = intake;
	}

	/** One name per document received, in the order received; a value the form does not know stays as it is. */
	public List<String> of(Dossier dossier) {
		Map<String, String> labels = this.intake.documentLabels(dossier.procedureKey(), dossier.procedureVersion());
		return dossier.documents().stream().map(d -> labels.getOrDefault(d, d)).toList();
	}

}

package vn.motcua.deployment;

import java.util.List;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;

/**
 * A deployment that breaks the procedure contract, thrown before anything is stored. A
 * {@link ParseException}, so {@code /engine-rest} answers 400 with the Vietnamese message and one
 * problem per file and element in {@code details}.
 */
public class DeploymentRefusedException extends ParseException {

	private static final long serialVersionUID = 1L;

	private final List<Finding> refusals;

	DeploymentRefusedException(String message, List<Finding> refusals) {
		super(message, refusals.isEmpty() ? "" : refusals.get(0).file(),
				refusals.stream().<Problem>map(FindingProblem::new).toList(), List.of());
		this.refusals = List.copyOf(refusals);
	}

	/** The refusals, each naming a file, an element and a rule. */
	public List<Finding> refusals() {
		return this.refusals;
	}

	private record FindingProblem(Finding finding) implements Problem {

		@Override
		public String getMessage() {
			return this.finding.toString();
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return this.finding.element();
		}

		@Override
		public List<String> getElementIds() {
			return this.finding.element() == null ? List.of() : List.of(this.finding.element());
		}

	}

}

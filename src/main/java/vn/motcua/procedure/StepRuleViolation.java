package vn.motcua.procedure;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A step task completion that breaks a rule of the procedure (second supplement by the same
 * agency, supplement without items, refusal without reason). The message is Vietnamese and shown by
 * Tasklist; the completion is rolled back.
 */
public class StepRuleViolation extends ProcessEngineException {

	public StepRuleViolation(String message) {
		super(message);
	}

}

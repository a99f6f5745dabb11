package vn.motcua.procedure;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/**
 * A step task completion that breaks a rule of the procedure (second supplement by the same
 * agency, supplement without items, refusal without reason). The message is Vietnamese; the
 * completion is rolled back and answered 400 with this sentence alone, whatever the engine wraps
 * around it.
 */
public class StepRuleViolation extends ProcessEngineException implements ClientMistake {

	public StepRuleViolation(String message) {
		super(message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

}

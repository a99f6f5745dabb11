package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the step sub-process variables. */
final class StepVariables {

	private StepVariables() {
	}

	static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	static String required(VariableScope scope, String name) {
		String value = string(scope, name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("Thiếu biến quy trình '" + name + "'");
		}
		return value;
	}

	static double number(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		if (value != null) {
			return Double.parseDouble(value.toString());
		}
		throw new IllegalStateException("Thiếu biến quy trình '" + name + "'");
	}

	static Date date(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value instanceof Date d ? d : null;
	}

}

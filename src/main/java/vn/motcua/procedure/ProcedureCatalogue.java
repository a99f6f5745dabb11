package vn.motcua.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The catalogue entry of a procedure (thủ tục hành chính), kept by the designers on the process
 * element of its model as extension properties (element template {@code vn.motcua.procedure}):
 * the procedure code of the national procedure database (mã TTHC), the legal basis and the legal
 * total in working days. The model is the only copy; the deployment guard checks it, the register
 * step computes the appointment from it and the receipt prints it.
 *
 * @param code the mã TTHC, e.g. {@code 1.013831}, or {@link #CODE_UNKNOWN}
 * @param legalBasis the legal texts the procedure follows
 * @param legalWorkingDays the legal total in working days
 */
public record ProcedureCatalogue(String code, String legalBasis, double legalWorkingDays) {

	/** Property names on the process element. */
	public static final String CODE = "procedureCode";

	public static final String LEGAL_BASIS = "legalBasis";

	public static final String LEGAL_WORKING_DAYS = "legalWorkingDays";

	/** Written instead of a code while the national database has none known for the procedure. */
	public static final String CODE_UNKNOWN = "chưa xác định";

	/** A national code ({@code 1.013831}), optionally with a provincial suffix ({@code 1.013831.H19}). */
	public static final Pattern CODE_FORMAT = Pattern.compile("[0-9]\\.[0-9]{6}(\\.[A-Za-z0-9]{1,10})?");

	/** A non-negative multiple of 0.25 working days, written as a plain number ({@code 3}, {@code 1.5}). */
	public static final Pattern DAYS_FORMAT = Pattern.compile("(0|[1-9][0-9]{0,3})(\\.(0|00|25|5|50|75))?");

	/** The extension properties of the process element (name → value); empty when there are none. */
	public static Map<String, String> properties(Process process) {
		Map<String, String> values = new LinkedHashMap<>();
		ExtensionElements extensions = process.getExtensionElements();
		if (extensions == null) {
			return values;
		}
		for (CamundaProperties properties : extensions.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()) {
			for (CamundaProperty property : properties.getCamundaProperties()) {
				if (property.getCamundaName() != null) {
					values.put(property.getCamundaName(), property.getCamundaValue());
				}
			}
		}
		return values;
	}

	/**
	 * The catalogue entry of a deployed process (the guard has checked it).
	 * @throws IllegalStateException when the model lacks it (a model deployed before the guard knew it)
	 */
	public static ProcedureCatalogue of(Process process) {
		Map<String, String> values = properties(process);
		String days = values.get(LEGAL_WORKING_DAYS);
		if (days == null || !DAYS_FORMAT.matcher(days.strip()).matches()) {
			throw new IllegalStateException("Quy trình '" + process.getId() + "' thiếu thuộc tính '" + LEGAL_WORKING_DAYS
					+ "' (tổng thời hạn giải quyết, ngày làm việc)");
		}
		String code = values.get(CODE);
		return new ProcedureCatalogue(code == null || code.isBlank() ? CODE_UNKNOWN : code.strip(),
				values.getOrDefault(LEGAL_BASIS, ""), Double.parseDouble(days.strip()));
	}

	/** Whether the code is a real code of the national database (not {@link #CODE_UNKNOWN}). */
	public boolean codeKnown() {
		return CODE_FORMAT.matcher(this.code).matches();
	}

}

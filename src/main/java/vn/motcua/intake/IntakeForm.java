package vn.motcua.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of a deployed Camunda Form (the intake form {@code <process-id>-intake}, or a task's
 * form) applied to submitted values, so that {@code POST /api/dossiers} and {@code /engine-rest}
 * obey the same rules as the form in Tasklist:
 * required, pattern, min/max length, min/max, e-mail/phone validation types, the allowed values
 * of select, radio and checklist fields, and dates. Fields hidden by a simple
 * {@code conditional.hide} ({@code =key != "value"} / {@code =key = "value"}) are skipped.
 */
public final class IntakeForm {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().-]{8,20}$");

	private static final Pattern CONDITION = Pattern.compile("^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");

	private final String id;

	private final List<JsonNode> fields = new ArrayList<>();

	public IntakeForm(JsonNode form) {
		this.id = form.path("id").asText();
		collect(form.path("components"));
	}

	public String id() {
		return this.id;
	}

	/** Keys of the fields of the form. */
	public List<String> keys() {
		return this.fields.stream().map(f -> f.path("key").asText()).toList();
	}

	/** Value → label of the options of the field {@code key}. */
	Map<String, String> labels(String key) {
		Map<String, String> labels = new LinkedHashMap<>();
		this.fields.stream()
			.filter(f -> key.equals(f.path("key").asText()))
			.forEach(f -> f.path("values").forEach(v -> labels.put(v.path("value").asText(), v.path("label").asText())));
		return labels;
	}

	private void collect(JsonNode components) {
		for (JsonNode component : components) {
			if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
					&& !component.path("readonly").asBoolean(false)) {
				this.fields.add(component);
			}
			if (component.has("components")) {
				collect(component.path("components"));
			}
		}
	}

	/** Vietnamese message per invalid field key; empty when the values obey the form. */
	public Map<String, String> validate(Map<String, Object> values) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (JsonNode field : this.fields) {
			String key = field.path("key").asText();
			if (hidden(field, values)) {
				continue;
			}
			String label = field.path("label").asText(key);
			String problem = check(field, label, values.get(key));
			if (problem != null) {
				errors.put(key, problem);
			}
		}
		return errors;
	}

	private static boolean hidden(JsonNode field, Map<String, Object> values) {
		String hide = field.path("conditional").path("hide").asText(null);
		if (hide == null) {
			return false;
		}
		Matcher m = CONDITION.matcher(hide);
		if (!m.matches()) {
			return false;
		}
		Object value = values.get(m.group(1));
		boolean equal = value != null && value.toString().equals(m.group(3));
		return m.group(2).equals("=") ? equal : !equal;
	}

	private static String check(JsonNode field, String label, Object value) {
		JsonNode validate = field.path("validate");
		String type = field.path("type").asText();
		boolean empty = value == null || (value instanceof String s && s.isBlank())
				|| (value instanceof Collection<?> c && c.isEmpty()) || (type.equals("checkbox") && Boolean.FALSE.equals(value));
		if (empty) {
			return validate.path("required").asBoolean(false) ? "Trường «" + label + "» là bắt buộc." : null;
		}
		if (type.equals("checklist") || type.equals("taglist")) {
			if (!(value instanceof Collection<?> list)) {
				return "Trường «" + label + "» phải là danh sách các giá trị.";
			}
			List<String> allowed = allowed(field);
			for (Object item : list) {
				if (!allowed.isEmpty() && !allowed.contains(String.valueOf(item))) {
					return "Giá trị «" + item + "» không có trong danh sách của trường «" + label + "».";
				}
			}
			return null;
		}
		if (type.equals("select") || type.equals("radio")) {
			List<String> allowed = allowed(field);
			if (!allowed.isEmpty() && !allowed.contains(String.valueOf(value))) {
				return "Giá trị «" + value + "» không hợp lệ cho trường «" + label + "» (chọn một trong: "
						+ String.join(", ", allowed) + ").";
			}
			return null;
		}
		if (type.equals("number")) {
			double number;
			try {
				number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString());
			}
			catch (NumberFormatException ex) {
				return "Trường «" + label + "» phải là một số.";
			}
			if (validate.has("min") && number < validate.path("min").asDouble()) {
				return "Trường «" + label + "» phải từ " + validate.path("min").asText() + " trở lên.";
			}
			if (validate.has("max") && number > validate.path("max").asDouble()) {
				return "Trường «" + label + "» không được lớn hơn " + validate.path("max").asText() + ".";
			}
			return null;
		}
		if (type.equals("checkbox")) {
			return value instanceof Boolean ? null : "Trường «" + label + "» phải là đúng/sai.";
		}
		if (!(value instanceof String || value instanceof Number)) {
			return "Trường «" + label + "» phải là chuỗi ký tự.";
		}
		String text = value.toString();
		if (type.equals("datetime") && "date".equals(field.path("subtype").asText("date"))) {
			try {
				LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				return "Trường «" + label + "» phải là ngày dạng yyyy-MM-dd.";
			}
		}
		if (validate.has("minLength") && text.length() < validate.path("minLength").asInt()) {
			return "Trường «" + label + "» phải có ít nhất " + validate.path("minLength").asInt() + " ký tự.";
		}
		if (validate.has("maxLength") && text.length() > validate.path("maxLength").asInt()) {
			return "Trường «" + label + "» không được dài quá " + validate.path("maxLength").asInt() + " ký tự.";
		}
		if (validate.hasNonNull("pattern") && !Pattern.compile(validate.path("pattern").asText()).matcher(text).matches()) {
			return "Trường «" + label + "» không đúng định dạng.";
		}
		String validationType = validate.path("validationType").asText("");
		if (validationType.equals("email") && !EMAIL.matcher(text).matches()) {
			return "Trường «" + label + "» không phải địa chỉ thư điện tử hợp lệ.";
		}
		if (validationType.equals("phone") && !PHONE.matcher(text).matches()) {
			return "Trường «" + label + "» không phải số điện thoại hợp lệ.";
		}
		return null;
	}

	private static List<String> allowed(JsonNode field) {
		List<String> allowed = new ArrayList<>();
		field.path("values").forEach(v -> allowed.add(v.path("value").asText()));
		return allowed;
	}

}

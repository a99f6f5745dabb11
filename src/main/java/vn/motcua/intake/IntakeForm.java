package vn.motcua.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

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

	/** Dates of a dossier (births, deaths, contracts) lie in these years. */
	static final int MIN_YEAR = 1900;

	static final int MAX_YEAR = 2100;

	/** No quantity of a dossier (area, price in đồng, height) comes near 10^15. */
	static final double MAX_NUMBER = 1e15;

	/** No list field (the documents checklist) has more entries. */
	static final int MAX_ITEMS = 100;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("messages/errors-durability");
		// not the thread's context class loader: a request thread may carry a stopped web app's
		MESSAGES.setBundleClassLoader(IntakeForm.class.getClassLoader());
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	private static final Pattern CONDITION = Pattern.compile("^=\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");

	private final String id;

	private final List<JsonNode> fields = new ArrayList<>();

	private final List<String> shown = new ArrayList<>();

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

	/** Keys of the read-only (or disabled) fields: what the form shows and nobody enters. */
	public List<String> readOnlyKeys() {
		return List.copyOf(this.shown);
	}

	/** Value → label of the options of the field {@code key}. */
	Map<String, String> labels(String key) {
		Map<String, String> labels = new LinkedHashMap<>();
		this.fields.stream()
			.filter(f -> key.equals(f.path("key").asText()))
			.forEach(f -> f.path("values").forEach(v -> labels.put(v.path("value").asText(), v.path("label").asText())));
		return labels;
	}

	/** The custom properties (Modeler's "Custom properties") of the field {@code key}; empty if none. */
	Map<String, String> properties(String key) {
		Map<String, String> properties = new LinkedHashMap<>();
		this.fields.stream()
			.filter(f -> key.equals(f.path("key").asText()))
			.forEach(f -> f.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue().asText())));
		return properties;
	}

	private void collect(JsonNode components) {
		for (JsonNode component : components) {
			if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
					&& !component.path("readonly").asBoolean(false)) {
				this.fields.add(component);
			}
			else if (component.hasNonNull("key")) {
				this.shown.add(component.path("key").asText());
			}
			if (component.has("components")) {
				collect(component.path("components"));
			}
		}
	}

	/** Vietnamese message per invalid field key; empty when the values obey the form. */
	public Map<String, String> validate(Map<String, Object> values) {
		return validate(values, LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Timeliness.ZONE));
	}

	/**
	 * The form's own rules, the rules of every field (plain text, finite numbers, plausible dates,
	 * no repeated choices) and the plausibility rules the designer states in a field's custom
	 * properties: {@code notInFuture} ({@code true}: the date is not after today),
	 * {@code notBefore} (key of a date field this date may not precede), {@code differentFrom} (key
	 * of a field this value must differ from), {@code integer} ({@code true}: a whole number).
	 */
	public Map<String, String> validate(Map<String, Object> values, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (JsonNode field : this.fields) {
			String key = field.path("key").asText();
			if (hidden(field, values)) {
				continue;
			}
			String label = label(field);
			String problem = check(field, label, values.get(key));
			if (problem == null) {
				problem = plausible(field, label, values, today);
			}
			if (problem != null) {
				errors.put(key, problem);
			}
		}
		return errors;
	}

	private static String label(JsonNode field) {
		return field.path("label").asText(field.path("key").asText());
	}

	private String labelOf(String key) {
		return this.fields.stream().filter(f -> key.equals(f.path("key").asText())).findFirst().map(IntakeForm::label)
			.orElse(key);
	}

	/** The cross-field and calendar rules of a field that passed its own checks. */
	private String plausible(JsonNode field, String label, Map<String, Object> values, LocalDate today) {
		Object value = values.get(field.path("key").asText());
		if (value == null || value instanceof String s && s.isBlank()) {
			return null;
		}
		JsonNode rules = field.path("properties");
		if (isDate(field)) {
			LocalDate date = LocalDate.parse(value.toString().strip());
			if (rules.path("notInFuture").asText("").equals("true") && date.isAfter(today)) {
				return text("intake.date.future", label, DAY.format(today));
			}
			String before = rules.path("notBefore").asText("");
			if (!before.isEmpty() && values.get(before) != null) {
				try {
					if (date.isBefore(LocalDate.parse(values.get(before).toString().strip()))) {
						return text("intake.date.notBefore", label, labelOf(before));
					}
				}
				catch (DateTimeParseException ex) {
					// the other field answers for itself
				}
			}
		}
		String different = rules.path("differentFrom").asText("");
		if (!different.isEmpty() && values.get(different) != null
				&& values.get(different).toString().strip().equals(value.toString().strip())) {
			return text("intake.differentFrom", label, labelOf(different));
		}
		return null;
	}

	private static boolean isDate(JsonNode field) {
		return field.path("type").asText().equals("datetime") && "date".equals(field.path("subtype").asText("date"));
	}

	static String text(String code, Object... arguments) {
		// Vietnamese unless the request chose another language (no request: Vietnamese)
		Locale locale = LocaleContextHolder.getLocaleContext() == null ? VIETNAMESE : LocaleContextHolder.getLocale();
		return MESSAGES.getMessage(code, arguments, locale);
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
		boolean empty = value == null || (value instanceof String s && PlainText.looksEmpty(s))
				|| (value instanceof Collection<?> c && c.isEmpty()) || (type.equals("checkbox") && Boolean.FALSE.equals(value));
		if (empty) {
			return validate.path("required").asBoolean(false) ? "Trường «" + label + "» là bắt buộc." : null;
		}
		if (type.equals("checklist") || type.equals("taglist")) {
			if (!(value instanceof Collection<?> list)) {
				return "Trường «" + label + "» phải là danh sách các giá trị.";
			}
			List<String> allowed = allowed(field);
			Set<Object> seen = new HashSet<>();
			for (Object item : list) {
				if (!(item instanceof String)) {
					return text("intake.list.item", label);
				}
				if (!allowed.isEmpty() && !allowed.contains(String.valueOf(item))) {
					return "Giá trị «" + shorten(item) + "» không có trong danh sách của trường «" + label + "».";
				}
				if (!seen.add(item)) {
					return text("intake.list.duplicate", label, shorten(item));
				}
			}
			return list.size() > MAX_ITEMS ? text("intake.list.tooMany", label, String.valueOf(MAX_ITEMS)) : null;
		}
		if (type.equals("select") || type.equals("radio")) {
			List<String> allowed = allowed(field);
			if (!allowed.isEmpty() && !allowed.contains(String.valueOf(value))) {
				return "Giá trị «" + shorten(value) + "» không hợp lệ cho trường «" + label + "» (chọn một trong: "
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
			if (!Double.isFinite(number) || Math.abs(number) > MAX_NUMBER) {
				return text("intake.number.finite", label);
			}
			if (field.path("properties").path("integer").asText("").equals("true") && number != Math.rint(number)) {
				return text("intake.number.integer", label);
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
		int maxLength = Math.min(validate.path("maxLength").asInt(PlainText.MAX_LENGTH), PlainText.MAX_LENGTH);
		String plain = PlainText.problem(text, type.equals("textarea"), maxLength);
		if (plain != null) {
			return text(plain, label, String.valueOf(maxLength));
		}
		if (isDate(field)) {
			try {
				LocalDate date = LocalDate.parse(text.strip());
				if (date.getYear() < MIN_YEAR || date.getYear() > MAX_YEAR) {
					return text("intake.date.range", label, String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR));
				}
			}
			catch (DateTimeParseException ex) {
				return "Trường «" + label + "» phải là ngày dạng yyyy-MM-dd.";
			}
		}
		if (validate.has("minLength") && text.length() < validate.path("minLength").asInt()) {
			return "Trường «" + label + "» phải có ít nhất " + validate.path("minLength").asInt() + " ký tự.";
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

	private static String shorten(Object value) {
		String text = String.valueOf(value);
		return text.length() <= 60 ? text : text.substring(0, 57) + "…";
	}

	private static List<String> allowed(JsonNode field) {
		List<String> allowed = new ArrayList<>();
		field.path("values").forEach(v -> allowed.add(v.path("value").asText()));
		return allowed;
	}

}

package vn.motcua.system.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Vietnamese locale of each Camunda webapp must cover every key of the English locale
 * shipped in the Camunda webjar, so that a Camunda upgrade adding keys fails the build
 * instead of showing raw keys to officials.
 */
class WebappTranslationsTest {

	private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)\\}\\}");

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void vietnameseCoversEveryEnglishKey(String app) throws IOException {
		Map<String, String> english = flatten(read(webjarResource(app, "en")));
		Map<String, String> vietnamese = flatten(read(ownResource(app, "vi")));

		List<String> missing = new ArrayList<>();
		List<String> blank = new ArrayList<>();
		List<String> placeholders = new ArrayList<>();
		english.forEach((key, englishValue) -> {
			String value = vietnamese.get(key);
			if (value == null) {
				missing.add(key);
			}
			else if (value.isBlank() && !englishValue.isBlank()) {
				blank.add(key);
			}
			else if (!placeholders(value).containsAll(placeholders(englishValue))) {
				placeholders.add(key + " needs " + placeholders(englishValue));
			}
		});

		assertThat(missing).as("keys of %s's en.json missing in vi.json (%d)", app, missing.size()).isEmpty();
		assertThat(blank).as("keys of %s's vi.json with a blank value", app).isEmpty();
		assertThat(placeholders).as("values of %s's vi.json dropping a {{placeholder}}", app).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void vietnameseHasNoKeyUnknownToCamunda(String app) throws IOException {
		Set<String> english = flatten(read(webjarResource(app, "en"))).keySet();
		Set<String> unknown = new TreeSet<>(flatten(read(ownResource(app, "vi"))).keySet());
		unknown.removeAll(english);
		assertThat(unknown).as("keys of %s's vi.json that en.json does not have", app).isEmpty();
	}

	/** The file inside the Camunda webjar, even if our classpath overrides it. */
	private URL webjarResource(String app, String locale) throws IOException {
		String name = LOCALES.formatted(app, locale);
		return Collections.list(getClass().getClassLoader().getResources(name))
			.stream()
			.filter(url -> url.toString().contains("camunda-webapp-webjar"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " in the Camunda webjar"));
	}

	/** Our file, which is not in the Camunda webjar. */
	private URL ownResource(String app, String locale) throws IOException {
		String name = LOCALES.formatted(app, locale);
		return Collections.list(getClass().getClassLoader().getResources(name))
			.stream()
			.filter(url -> !url.toString().contains("camunda-webapp-webjar"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " of our own on the classpath"));
	}

	private JsonNode read(URL url) throws IOException {
		// Jackson skips the UTF-8 byte order mark of Camunda's files.
		try (InputStream in = url.openStream()) {
			return this.json.readTree(in);
		}
	}

	/** Every leaf as "labels.KEY" or "dateLocales.months.0" with its text. */
	private static Map<String, String> flatten(JsonNode root) {
		Map<String, String> leaves = new LinkedHashMap<>();
		flatten(root, "", leaves);
		return leaves;
	}

	private static void flatten(JsonNode node, String path, Map<String, String> leaves) {
		String prefix = path.isEmpty() ? "" : path + ".";
		if (node.isObject()) {
			node.properties().forEach(entry -> flatten(entry.getValue(), prefix + entry.getKey(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(node.get(i), prefix + i, leaves);
			}
		}
		else {
			leaves.put(path, node.asText());
		}
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1).replaceAll("\\s", ""));
		}
		return found;
	}

}

package vn.motcua.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message bundle has the same keys in Vietnamese (default) and English, none blank. */
class I18nPropertiesSyncTest {

	@Test
	void vietnameseAndEnglishBundlesHaveTheSameKeys() throws IOException {
		Resource[] bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
		assertThat(bundles).isNotEmpty();
		int checked = 0;
		for (Resource vietnamese : bundles) {
			String name = vietnamese.getFilename();
			if (name == null || name.contains("_")) {
				continue;
			}
			Resource english = vietnamese.createRelative(name.replace(".properties", "_en.properties"));
			assertThat(english.exists()).as("English bundle for %s", name).isTrue();
			Properties vi = load(vietnamese);
			Properties en = load(english);
			Set<String> missingInEnglish = new TreeSet<>(vi.stringPropertyNames());
			missingInEnglish.removeAll(en.stringPropertyNames());
			Set<String> missingInVietnamese = new TreeSet<>(en.stringPropertyNames());
			missingInVietnamese.removeAll(vi.stringPropertyNames());
			assertThat(missingInEnglish).as("keys of %s missing in English", name).isEmpty();
			assertThat(missingInVietnamese).as("keys of %s missing in Vietnamese", name).isEmpty();
			vi.forEach((key, value) -> assertThat(value.toString()).as("%s in %s", key, name).isNotBlank());
			checked++;
		}
		assertThat(checked).isGreaterThanOrEqualTo(2);
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = resource.getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}

package vn.motcua.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.motcua.documents.PdfRenderer;

/**
 * One context for the signing tests, on a real port: the demo organisation and its demo keystores
 * ({@code classpath:signing/three-tier-demo/}) except for UBND xã Mỹ Lộc, which has none; the engine
 * clock at a fixed instant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:signing;DB_CLOSE_DELAY=-1;MODE=LEGACY",
				"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
				"spring.datasource.generate-unique-name=true",
				// one unit without a keystore: its own file does not exist
				"motcua.signing.units.xa-my-loc.keystore=classpath:signing/none/xa-my-loc.p12" })
abstract class SigningTestBase {

	static final Instant NOW = Instant.parse("2026-03-20T03:00:00Z");

	static final Locale VI = Locale.forLanguageTag("vi");

	@Autowired
	PdfRenderer renderer;

	@BeforeEach
	void fixClock() {
		ClockUtil.setCurrentTime(Date.from(NOW));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/** A two-page Vietnamese document rendered by the application's renderer. */
	byte[] letter() {
		List<String> lines = new ArrayList<>();
		for (int i = 1; i <= 60; i++) {
			lines.add("Dòng " + i + ": hồ sơ đăng ký khai sinh của công dân Nguyễn Thị Hương, xã An Bình.");
		}
		return this.renderer.pdf("signing-test/letter", Map.of("title", "GIẤY TIẾP NHẬN HỒ SƠ", "lines", lines), VI);
	}

	static byte[] flip(byte[] pdf, int position) {
		byte[] copy = pdf.clone();
		copy[position] ^= 0x01;
		return copy;
	}

	static int indexOf(byte[] haystack, String needle, int from) {
		byte[] n = needle.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		outer: for (int i = Math.max(0, from); i <= haystack.length - n.length; i++) {
			for (int j = 0; j < n.length; j++) {
				if (haystack[i + j] != n[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}

package vn.motcua.portal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.throttle.ClientHttp;
import vn.motcua.throttle.PerimeterTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.throttle.ClientHttp.basic;

/**
 * The public lookup needs the secret printed on the receipt: sequential dossier codes reveal
 * nothing, guessing is rate-limited per client address. Real HTTP against the running application.
 */
class LookupSecretTest extends PerimeterTestBase {

	static final String OFFICER = "xa-an-binh.officer";

	static final String DOSSIER = """
			{"procedureKey": "birth-registration",
			 "applicant": {"name": "Nguyễn Thị Lan", "idNumber": "001190012345", "phone": "0912345678",
			               "address": "Thôn Đông, xã An Bình"},
			 "channel": "in-person", "documents": ["to-khai-dien-tu", "giay-chung-sinh"],
			 "data": {"childName": "Trần Minh An", "childBirthDate": "2026-02-10", "childSex": "nam",
			          "birthplace": "Trạm y tế xã An Bình", "motherName": "Nguyễn Thị Lan"}}""";

	/** The desk of xã An Bình (its cookies are kept per test). */
	ClientHttp desk;

	@BeforeEach
	void desk() {
		this.desk = from("127.0.0.20");
	}

	/** Receives a dossier at the desk of xã An Bình; answers the JSON answer. */
	String receive() {
		ClientHttp.Response answer = this.desk.post("/api/dossiers", "application/json", DOSSIER, "Authorization",
				basic(OFFICER, "demo"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return answer.body();
	}

	@Test
	void theCodeAloneRevealsNothingAndAWrongSecretAnswersLikeAnUnknownCode() {
		String json = receive();
		String code = JsonPath.read(json, "$.code");
		String secret = JsonPath.read(json, "$.lookupSecret");
		assertThat(secret).matches("[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}");
		assertThat((String) JsonPath.read(json, "$.receipt")).contains("secret=" + secret);

		ClientHttp citizen = from("127.0.0.21");
		ClientHttp.Response noSecret = citizen.get("/api/public/dossiers/" + code);
		assertThat(noSecret.status()).isEqualTo(400);
		assertThat(noSecret.body()).contains("nhập mã tra cứu").doesNotContain("khai sinh", "Nguyễn");

		ClientHttp.Response wrong = citizen.get("/api/public/dossiers/" + code + "?secret=ABCDE-FGHJK");
		String otherCode = code.substring(0, code.length() - 4) + "9999";
		ClientHttp.Response unknown = citizen.get("/api/public/dossiers/" + otherCode + "?secret=" + secret);
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(wrong.body()).isEqualTo(unknown.body()).contains("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu");

		ClientHttp.Response page = citizen.get("/tra-cuu?code=" + code + "&secret=ABCDE-FGHJK");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("Liên thông: đăng ký khai sinh", "Nguyễn T. L.");
		assertThat(citizen.get("/tra-cuu?code=" + code).status()).isEqualTo(400);

		String typed = secret.replace("-", "").toLowerCase();
		ClientHttp.Response found = citizen.get("/tra-cuu?code=" + code + "&secret=" + typed);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).contains("Hồ sơ " + code, "Liên thông: đăng ký khai sinh", "Nguyễn T. L.")
			.doesNotContain("0912345678", "001190012345");
		ClientHttp.Response api = citizen.get("/api/public/dossiers/" + code + "?secret=" + secret);
		assertThat(api.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(api.body(), "$.status")).isEqualTo("IN_PROGRESS");
	}

	@Test
	void guessingIsRateLimitedPerClientAddressWithAVietnameseMessage() {
		String code = JsonPath.read(receive(), "$.code");
		String prefix = code.substring(0, code.length() - 4);
		ClientHttp guesser = from("127.0.0.22");
		for (int i = 1; i <= 10; i++) {
			String guess = prefix + "%04d".formatted(i);
			assertThat(guesser.get("/api/public/dossiers/" + guess + "?secret=AAAAA-AAAAA").status()).isEqualTo(404);
		}
		ClientHttp.Response limited = guesser.get("/api/public/dossiers/" + code + "?secret=AAAAA-AAAAA");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isEqualTo("6");
		assertThat(limited.body()).contains("tra cứu quá nhiều lần", "thử lại sau 6 giây");
		ClientHttp.Response page = guesser.get("/tra-cuu?code=" + code + "&secret=AAAAA-AAAAA");
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.body()).contains("Bạn đã tra cứu quá nhiều lần trong thời gian ngắn");
		assertThat(guesser.get("/api/public/dossiers/abc?secret=x").status())
			.as("a malformed code never reaches the database and costs nothing")
			.isEqualTo(400);

		assertThat(from("127.0.0.23").get("/api/public/dossiers/" + code + "?secret=AAAAA-AAAAA").status())
			.as("another client is not affected")
			.isEqualTo(404);
		CLOCK.advance(Duration.ofSeconds(6));
		assertThat(guesser.get("/api/public/dossiers/" + code + "?secret=AAAAA-AAAAA").status()).isEqualTo(404);
		assertThat(guesser.get("/api/public/dossiers/" + code + "?secret=AAAAA-AAAAA").status()).isEqualTo(429);
	}

	@Test
	void theReceiptPrintsTheSecretAndAQrCodeThatOpensTheLookup() throws Exception {
		String json = receive();
		String code = JsonPath.read(json, "$.code");
		String secret = JsonPath.read(json, "$.lookupSecret");
		ClientHttp.Response receipt = this.desk.get(JsonPath.read(json, "$.receipt"), "Authorization",
				basic(OFFICER, "demo"));
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.body()).contains("GIẤY TIẾP NHẬN HỒ SƠ", "Mã tra cứu", secret);
		String qr = decodeQr(receipt.body());
		assertThat(qr).endsWith("/tra-cuu?code=" + code + "&secret=" + secret);
		ClientHttp.Response opened = from("127.0.0.24").get(qr.substring(qr.indexOf("/tra-cuu")));
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.body()).contains("Hồ sơ " + code);
	}

	@Test
	void aReprintIssuesANewSecretAndTheOldOneStopsWorking() {
		String json = receive();
		String code = JsonPath.read(json, "$.code");
		String old = JsonPath.read(json, "$.lookupSecret");
		ClientHttp.Response again = this.desk.get("/dossiers/" + code + "/receipt", "Authorization",
				basic(OFFICER, "demo"));
		assertThat(again.body()).doesNotContain(old).contains("Cấp lại mã tra cứu");
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(again.body());
		assertThat(csrf.find()).isTrue();
		assertThat(from("127.0.0.25").get("/dossiers/" + code + "/receipt", "Authorization",
				basic("xa-my-loc.officer", "demo")).status()).as("another commune's desk").isEqualTo(403);

		ClientHttp.Response reprint = this.desk.post("/dossiers/" + code + "/receipt",
				"application/x-www-form-urlencoded", "_csrf=" + csrf.group(1), "Authorization", basic(OFFICER, "demo"));
		assertThat(reprint.status()).isEqualTo(200);
		Matcher printed = Pattern.compile("class=\"secret\">([A-Z0-9-]{11})<").matcher(reprint.body());
		assertThat(printed.find()).isTrue();
		String fresh = printed.group(1);
		assertThat(fresh).isNotEqualTo(old);

		ClientHttp citizen = from("127.0.0.26");
		assertThat(citizen.get("/api/public/dossiers/" + code + "?secret=" + old).status()).isEqualTo(404);
		assertThat(citizen.get("/api/public/dossiers/" + code + "?secret=" + fresh).status()).isEqualTo(200);
	}

	@Test
	void aDossierReceivedThroughTheEngineGetsItsSecretWhenTheDeskFirstPrintsTheReceipt() {
		String start = """
				{"variables": {
				  "applicantName": {"value": "Lê Văn Bình"}, "applicantIdNumber": {"value": "001190012346"},
				  "applicantPhone": {"value": "0912345679"}, "applicantAddress": {"value": "Thôn Tây, xã An Bình"},
				  "channel": {"value": "in-person"}, "childName": {"value": "Lê Minh Châu"},
				  "childBirthDate": {"value": "2026-02-11"}, "childSex": {"value": "nu"},
				  "birthplace": {"value": "Trạm y tế xã An Bình"}, "motherName": {"value": "Phạm Thị Dung"},
				  "documents": {"value": "[\\"to-khai-dien-tu\\",\\"giay-chung-sinh\\"]", "type": "Json"}}}""";
		ClientHttp.Response started = this.desk.post("/engine-rest/process-definition/key/birth-registration/start",
				"application/json", start, "Authorization", basic(OFFICER, "demo"));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String code = JsonPath.read(started.body(), "$.businessKey");

		ClientHttp.Response first = this.desk.get("/dossiers/" + code + "/receipt", "Authorization",
				basic(OFFICER, "demo"));
		Matcher printed = Pattern.compile("class=\"secret\">([A-Z0-9-]{11})<").matcher(first.body());
		assertThat(printed.find()).as("the first print shows a new secret").isTrue();
		assertThat(this.desk.get("/dossiers/" + code + "/receipt", "Authorization", basic(OFFICER, "demo")).body())
			.doesNotContain(printed.group(1));
		assertThat(from("127.0.0.27").get("/api/public/dossiers/" + code + "?secret=" + printed.group(1)).status())
			.isEqualTo(200);
	}

	/** Reads the receipt's inline SVG back into modules and decodes it. */
	static String decodeQr(String html) throws Exception {
		Matcher svg = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\".*?<path fill=\"#000\" d=\"([^\"]+)\"").matcher(html);
		assertThat(svg.find()).as("an inline SVG QR code").isTrue();
		int size = Integer.parseInt(svg.group(1));
		int scale = 4;
		BitMatrix image = new BitMatrix(size * scale);
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg.group(3));
		while (module.find()) {
			image.setRegion(Integer.parseInt(module.group(1)) * scale, Integer.parseInt(module.group(2)) * scale, scale,
					scale);
		}
		int[] pixels = new int[size * scale * size * scale];
		for (int y = 0; y < size * scale; y++) {
			for (int x = 0; x < size * scale; x++) {
				pixels[y * size * scale + x] = image.get(x, y) ? 0xFF000000 : 0xFFFFFFFF;
			}
		}
		var source = new com.google.zxing.RGBLuminanceSource(size * scale, size * scale, pixels);
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
	}

}

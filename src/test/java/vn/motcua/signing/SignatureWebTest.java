package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.motcua.documents.PdfSigner;

/** The verify endpoint and page over HTTP on a real port: signed, tampered, unsigned and bad uploads. */
class SignatureWebTest extends SigningTestBase {

	@LocalServerPort
	int port;

	@Autowired
	PdfSigner signer;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	static final String BOUNDARY = "----motcua-test-boundary";

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	static byte[] multipart(String field, String fileName, byte[] content, Map<String, String> fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		fields.forEach((name, value) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(content);
		out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	HttpResponse<String> upload(String user, byte[] file) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/signatures/verify"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart("file", "van-ban.pdf", file, Map.of())));
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> body(HttpResponse<String> response) throws Exception {
		return this.json.readValue(response.body(), Map.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theEndpointVerifiesSignedTamperedAndUnsignedPdfs() throws Exception {
		byte[] unsigned = letter();
		byte[] signed = this.signer.sign(unsigned, "xa-an-binh", "Giấy tiếp nhận hồ sơ");

		HttpResponse<String> ok = upload("xa-an-binh.officer", signed);
		assertThat(ok.statusCode()).isEqualTo(200);
		Map<String, Object> valid = body(ok);
		assertThat(valid).containsEntry("signed", true).containsEntry("valid", true).containsEntry("outcome", "valid");
		assertThat((List<String>) valid.get("signers")).containsExactly("UBND xã An Bình");
		assertThat(valid.get("signingTime")).isEqualTo("2026-03-20T03:00:00Z");
		assertThat(valid.get("message")).isEqualTo(
				"Chữ ký số hợp lệ: văn bản do UBND xã An Bình ký lúc 10:00:00 20/03/2026, không bị thay đổi sau khi ký.");
		Map<String, Object> signature = ((List<Map<String, Object>>) valid.get("signatures")).get(0);
		assertThat(signature).containsEntry("unit", "UBND xã An Bình")
			.containsEntry("intact", true)
			.containsEntry("coversWholeFile", true)
			.containsEntry("trusted", true)
			.containsEntry("pades", true);

		// the PDF as the request body works the same, for another staff account
		HttpResponse<String> raw = this.http.send(HttpRequest.newBuilder(uri("/api/signatures/verify"))
			.header("Authorization", basic("auditor"))
			.header("Content-Type", "application/pdf")
			.POST(HttpRequest.BodyPublishers.ofByteArray(signed))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(body(raw)).containsEntry("valid", true);

		int inContent = indexOf(signed, "\n", indexOf(signed, "stream", 0)) + 20;
		Map<String, Object> tampered = body(upload("xa-an-binh.officer", flip(signed, inContent)));
		assertThat(tampered).containsEntry("signed", true).containsEntry("valid", false).containsEntry("outcome", "tampered");
		assertThat(tampered.get("message")).isEqualTo("Chữ ký số không hợp lệ: nội dung tệp đã bị thay đổi sau khi ký.");

		Map<String, Object> none = body(upload("xa-an-binh.officer", unsigned));
		assertThat(none).containsEntry("signed", false).containsEntry("valid", false).containsEntry("message",
				"Tệp PDF chưa ký số.");
	}

	@Test
	void badUploadsAreAnsweredInVietnameseNamingTheField() throws Exception {
		HttpResponse<String> garbage = upload("xa-an-binh.officer",
				"đây không phải tệp PDF".getBytes(StandardCharsets.UTF_8));
		assertThat(garbage.statusCode()).isEqualTo(400);
		assertThat(garbage.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(body(garbage)).containsEntry("field", "file")
			.containsEntry("detail", "Trường \"file\": tệp tải lên không phải là tệp PDF.");

		HttpResponse<String> empty = upload("xa-an-binh.officer", new byte[0]);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(body(empty)).containsEntry("detail", "Trường \"file\": tệp tải lên trống.");

		HttpResponse<String> missing = this.http.send(HttpRequest.newBuilder(uri("/api/signatures/verify"))
			.header("Authorization", basic("auditor"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart("other", "x.pdf", letter(), Map.of())))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(body(missing)).containsEntry("field", "file");

		// a broken PDF (the header, then nothing that parses) is answered, not failed
		HttpResponse<String> broken = upload("auditor", "%PDF-1.7\n%%EOF garbage".getBytes(StandardCharsets.US_ASCII));
		assertThat(broken.statusCode()).isEqualTo(200);
		assertThat(body(broken)).containsEntry("valid", false).containsEntry("outcome", "unreadable");

		byte[] large = new byte[2 * 1024 * 1024];
		System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 9);
		HttpResponse<String> tooLarge = upload("auditor", large);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		// refused by the application's body limit (vn.motcua.errors.BodyLimit) before it is read
		assertThat(tooLarge.body()).contains("quá lớn");

		HttpResponse<String> anonymous = upload(null, letter());
		assertThat(anonymous.statusCode()).isEqualTo(401);

		// a multipart body that does not parse
		HttpResponse<String> malformed = this.http.send(HttpRequest.newBuilder(uri("/api/signatures/verify"))
			.header("Authorization", basic("auditor"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 truncated"))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(body(malformed)).containsEntry("field", "file");
	}

	@Test
	void thePageShowsTheResultOfAnUploadedPdf() throws Exception {
		byte[] signed = this.signer.sign(letter(), "xa-an-binh", "Giấy tiếp nhận hồ sơ");
		HttpResponse<String> page = this.http.send(HttpRequest.newBuilder(uri("/ky-so/kiem-tra"))
			.header("Authorization", basic("xa-an-binh.officer"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Kiểm tra chữ ký số").contains("enctype=\"multipart/form-data\"");
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();

		HttpResponse<String> result = postPage(signed, csrf.group(1));
		assertThat(result.statusCode()).isEqualTo(200);
		assertThat(result.body()).contains("Chữ ký số hợp lệ: văn bản do UBND xã An Bình ký lúc 10:00:00 20/03/2026")
			.contains("van-ban.pdf")
			.contains("Giấy tiếp nhận hồ sơ");

		int inContent = indexOf(signed, "\n", indexOf(signed, "stream", 0)) + 20;
		assertThat(postPage(flip(signed, inContent), csrf.group(1)).body())
			.contains("Chữ ký số không hợp lệ: nội dung tệp đã bị thay đổi sau khi ký.");

		HttpResponse<String> garbage = postPage("không phải PDF".getBytes(StandardCharsets.UTF_8), csrf.group(1));
		assertThat(garbage.statusCode()).isEqualTo(400);
		assertThat(garbage.body()).contains("tệp tải lên không phải là tệp PDF").contains("/ky-so/kiem-tra");

		// without the form's token the upload is refused
		assertThat(postPage(signed, "wrong").statusCode()).isEqualTo(403);

		HttpResponse<Void> anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/ky-so/kiem-tra")).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.discarding());
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void aSignedDownloadForAUnitWithoutKeystoreIsRefusedWith409NamingTheUnit() throws Exception {
		HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(uri("/reports/export.pdf?signed=true"))
			.header("Authorization", basic("xa-my-loc.supervisor"))
			.header("Accept", "application/json")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(body(refused).get("detail").toString())
			.startsWith("Đơn vị UBND xã Mỹ Lộc chưa có chứng thư số để ký văn bản");

		HttpResponse<byte[]> unsigned = this.http.send(HttpRequest.newBuilder(uri("/reports/export.pdf"))
			.header("Authorization", basic("xa-my-loc.supervisor"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(unsigned.statusCode()).isEqualTo(200);
		assertThat(unsigned.headers().firstValue("X-Motcua-Signature")).hasValue("unsigned");

		HttpResponse<byte[]> signed = this.http.send(HttpRequest.newBuilder(uri("/reports/export.pdf?signed=true"))
			.header("Authorization", basic("xa-an-binh.supervisor"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(signed.statusCode()).isEqualTo(200);
		assertThat(signed.headers().firstValue("X-Motcua-Signature")).hasValue(
				"valid; signer*=UTF-8''UBND%20x%C3%A3%20An%20B%C3%ACnh");
		assertThat(body(upload("auditor", signed.body()))).containsEntry("valid", true);
	}

	private HttpResponse<String> postPage(byte[] file, String csrf) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri("/ky-so/kiem-tra"))
			.header("Authorization", basic("xa-an-binh.officer"))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart("file", "van-ban.pdf", file, Map.of("_csrf", csrf))))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}

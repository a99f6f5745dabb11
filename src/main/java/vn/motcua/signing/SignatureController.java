package vn.motcua.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import vn.motcua.organisation.Organisation;

/**
 * Verifying an uploaded PDF: {@code POST /api/signatures/verify} (multipart part {@code file}, or the
 * PDF as the body) answers JSON; the page {@code /ky-so/kiem-tra} has an upload form and shows the
 * result. Staff only (any authenticated account, see {@code SecurityConfiguration}).
 */
@Controller
class SignatureController {

	static final String PAGE = "/ky-so/kiem-tra";

	private final SignatureVerifier verifier;

	private final PadesSigner signer;

	private final Organisation organisation;

	private final long maxUpload;

	SignatureController(SignatureVerifier verifier, PadesSigner signer, Organisation organisation,
			@Value("${motcua.signing.max-upload:1MB}") DataSize maxUpload) {
		this.verifier = verifier;
		this.signer = signer;
		this.organisation = organisation;
		this.maxUpload = maxUpload.toBytes();
	}

	@PostMapping("/api/signatures/verify")
	@ResponseBody
	Map<String, Object> verify(HttpServletRequest request, Locale locale) {
		return json(this.verifier.verify(upload(request, false)), locale);
	}

	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("organisationName", this.organisation.name());
		return "signing/verify";
	}

	@PostMapping(PAGE)
	String check(HttpServletRequest request, Locale locale, Model model) {
		byte[] pdf = upload(request, true);
		Verification verification = this.verifier.verify(pdf);
		model.addAttribute("organisationName", this.organisation.name());
		model.addAttribute("result", json(verification, locale));
		model.addAttribute("fileName", fileName(request));
		return "signing/verify";
	}

	/** The uploaded bytes: the part {@code file} of a multipart request, else the body. */
	private byte[] upload(HttpServletRequest request, boolean fromPage) {
		byte[] bytes;
		try {
			if (request instanceof MultipartHttpServletRequest multipart) {
				MultipartFile file = multipart.getFile("file");
				if (file == null) {
					throw new BadUpload(HttpStatus.BAD_REQUEST, "signing.upload.missing", fromPage);
				}
				if (file.getSize() > this.maxUpload) {
					throw tooLarge(fromPage);
				}
				bytes = file.getBytes();
			}
			else {
				if (request.getContentLengthLong() > this.maxUpload) {
					throw tooLarge(fromPage);
				}
				try (InputStream in = request.getInputStream()) {
					bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxUpload + 1));
				}
				if (bytes.length > this.maxUpload) {
					throw tooLarge(fromPage);
				}
			}
		}
		catch (MultipartException ex) {
			// parsed lazily (spring.servlet.multipart.resolve-lazily), so that a broken body is a 400 here
			throw new BadUpload(HttpStatus.BAD_REQUEST, "signing.upload.malformed", fromPage);
		}
		catch (IOException ex) {
			if (ex instanceof vn.motcua.errors.ClientMistake) {
				throw new IllegalStateException(ex); // the body limit: answered through its own mistake
			}
			throw new BadUpload(HttpStatus.BAD_REQUEST, "signing.upload.not-pdf", fromPage);
		}
		if (bytes.length == 0) {
			throw new BadUpload(HttpStatus.BAD_REQUEST, "signing.upload.empty", fromPage);
		}
		if (!isPdf(bytes)) {
			throw new BadUpload(HttpStatus.BAD_REQUEST, "signing.upload.not-pdf", fromPage);
		}
		return bytes;
	}

	private BadUpload tooLarge(boolean fromPage) {
		long mb = this.maxUpload >> 20;
		String limit = this.maxUpload % (1024 * 1024) == 0 ? mb + " MB" : this.maxUpload + " byte";
		return new BadUpload(HttpStatus.PAYLOAD_TOO_LARGE, "signing.upload.too-large", fromPage, limit);
	}

	/** A PDF starts with {@code %PDF-} within its first 1024 bytes (ISO 32000-1, 7.5.2 and Annex H). */
	static boolean isPdf(byte[] bytes) {
		String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
		return head.contains("%PDF-");
	}

	private static String fileName(HttpServletRequest request) {
		if (request instanceof MultipartHttpServletRequest multipart && multipart.getFile("file") != null) {
			return multipart.getFile("file").getOriginalFilename();
		}
		return null;
	}

	private Map<String, Object> json(Verification verification, Locale locale) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("signed", verification.signed());
		body.put("valid", verification.valid());
		body.put("outcome", verification.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		body.put("message", this.signer.message(verification, locale));
		body.put("signers", verification.signers());
		Instant time = verification.signingTime();
		body.put("signingTime", time == null ? null : time.toString());
		body.put("signingTimeText", time == null ? null : PadesSigner.TIME.format(time));
		List<Map<String, Object>> signatures = new ArrayList<>();
		for (Verification.Signature s : verification.signatures()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("signer", s.name());
			one.put("unit", s.unitCode() == null ? null : this.organisation.unit(s.unitCode()).name());
			one.put("signingTime", s.signingTime() == null ? null : s.signingTime().toString());
			one.put("signingTimeText", s.signingTime() == null ? null : PadesSigner.TIME.format(s.signingTime()));
			one.put("reason", s.reason());
			one.put("intact", s.intact());
			one.put("coversWholeFile", s.coversWholeFile());
			one.put("certificateValid", s.certificateValid());
			one.put("trusted", s.trusted());
			one.put("pades", s.pades());
			signatures.add(one);
		}
		body.put("signatures", signatures);
		return body;
	}

}

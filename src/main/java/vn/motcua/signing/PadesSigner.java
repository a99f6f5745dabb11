package vn.motcua.signing;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.motcua.documents.PdfSigner;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * Signs issued PDFs with the issuing unit's key (PAdES baseline B, signer name = the unit's name,
 * signing time from the engine clock) and verifies signed PDFs against the organisation's units'
 * certificates.
 */
@Component
class PadesSigner implements PdfSigner {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")
		.withZone(Pades.ZONE.toZoneId());

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final UnitKeys keys;

	private final SignatureVerifier verifier;

	private final Organisation organisation;

	private final Clock clock;

	private final MessageSource messages;

	PadesSigner(UnitKeys keys, SignatureVerifier verifier, Organisation organisation,
			@Qualifier("reportClock") Clock clock, MessageSource messages) {
		this.keys = keys;
		this.verifier = verifier;
		this.organisation = organisation;
		this.clock = clock;
		this.messages = messages;
	}

	@Override
	public byte[] sign(byte[] pdf, String unitCode, String reason) {
		Unit unit = this.organisation.unit(unitCode);
		UnitKeys.SigningKey key = this.keys.key(unit.code());
		return Pades.sign(pdf, key, unit.name(), this.organisation.name(), reason, this.clock.instant());
	}

	@Override
	public SignatureCheck verify(byte[] pdf) {
		Verification verification = this.verifier.verify(pdf);
		return new SignatureCheck(verification.signed(), verification.valid(), verification.signers(),
				message(verification, VIETNAMESE));
	}

	/** The Vietnamese (or English) sentence saying the outcome. */
	String message(Verification verification, Locale locale) {
		String signers = String.join(", ", verification.signers());
		String time = verification.signingTime() == null ? "" : TIME.format(verification.signingTime());
		return this.messages.getMessage(verification.outcome().key(),
				new Object[] { signers, time, this.organisation.name() }, locale);
	}

}

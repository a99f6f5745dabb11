package vn.motcua.documents;

/**
 * The standard forms of the one-stop mechanism, whatever their number in the circular in force
 * ({@link LegalBasis#number(OfficialForm)}). {@link #kind()} is the last segment of the form's URL,
 * {@code /dossiers/{code}/documents/{kind}} (page) and {@code …/{kind}.pdf} (A4 PDF).
 */
public enum OfficialForm {

	/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
	RECEIPT("receipt"),
	/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
	SUPPLEMENT_REQUEST("supplement-request"),
	/** Phiếu từ chối tiếp nhận, giải quyết hồ sơ. */
	REFUSAL("refusal"),
	/** The apology with the new date (2018), or with the request to extend (2025). */
	APOLOGY("apology"),
	/** Thông báo dừng giải quyết hồ sơ (2025 only). */
	STOP_NOTICE("stop-notice"),
	/** Phiếu kiểm soát quá trình giải quyết hồ sơ. */
	CONTROL_SHEET("control-sheet"),
	/** Sổ theo dõi hồ sơ. */
	LOGBOOK("logbook");

	private final String kind;

	OfficialForm(String kind) {
		this.kind = kind;
	}

	public String kind() {
		return this.kind;
	}

	/** The message code of the form's name (sentence case), e.g. for links. */
	public String nameCode() {
		return "documents.form." + this.kind + ".name";
	}

}

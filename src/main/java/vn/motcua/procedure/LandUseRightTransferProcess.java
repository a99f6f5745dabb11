package vn.motcua.procedure;

/**
 * Registration of a change of land-use rights by transfer (procedure code 1.013831): desk, land
 * registration office, tax authority (dossier clock paused while the tax notice is issued and the
 * citizen pays), land registration office again, desk. Model
 * {@code processes/land-use-right-transfer.bpmn}, documented in
 * {@code docs/procedures/land-use-right-transfer.md}.
 */
public final class LandUseRightTransferProcess {

	public static final String KEY = "land-use-right-transfer";

	public static final String INTAKE_FORM = KEY + "-intake";

	/** Procedure code in the national catalogue. */
	public static final String PROCEDURE_CODE = "1.013831";


	/** Element ids. */
	public static final class Elements extends ProcedureElements {

		public static final String APPRAISE_TRANSFER = "CallActivity_AppraiseTransfer";

		public static final String PAUSE_DOSSIER_CLOCK = "Task_PauseDossierClock";

		public static final String ISSUE_TAX_NOTICE = "CallActivity_IssueTaxNotice";

		public static final String CONFIRM_PAYMENT = "CallActivity_ConfirmPayment";

		public static final String RESUME_DOSSIER_CLOCK = "Task_ResumeDossierClock";

		public static final String ISSUE_CERTIFICATE = "CallActivity_IssueCertificate";

		private Elements() {
		}

	}

	/** Step forms. */
	public static final class Forms {

		public static final String APPRAISAL = "land-appraisal";

		public static final String TAX_NOTICE = "land-tax-notice";

		public static final String PAYMENT_CONFIRMED = "land-payment-confirmed";

		public static final String CERTIFICATE_ISSUED = "land-certificate-issued";

		private Forms() {
		}

	}

	/** Intake: the parcel. Strings; the area is a number of m². */
	public static final String PARCEL_NUMBER = "parcelNumber";

	public static final String MAP_SHEET_NUMBER = "mapSheetNumber";

	public static final String LAND_ADDRESS = "landAddress";

	public static final String LAND_AREA = "landArea";

	/** Serial of the certificate already issued. String. */
	public static final String CERTIFICATE_SERIAL = "certificateSerial";

	/** Intake: the parties (12-digit CCCD numbers). Strings. */
	public static final String TRANSFEROR_NAME = "transferorName";

	public static final String TRANSFEROR_ID_NUMBER = "transferorIdNumber";

	public static final String TRANSFEREE_NAME = "transfereeName";

	public static final String TRANSFEREE_ID_NUMBER = "transfereeIdNumber";

	/** Intake: the notarised contract; the date is ISO, the price a number of đồng. */
	public static final String CONTRACT_NUMBER = "contractNumber";

	public static final String CONTRACT_DATE = "contractDate";

	public static final String TRANSFER_PRICE = "transferPrice";

	/** Step {@code land-appraisal}. */
	public static final String CADASTRAL_TRANSFER_NUMBER = "cadastralTransferNumber";

	public static final String CADASTRAL_TRANSFERRED_ON = "cadastralTransferredOn";

	public static final String APPRAISAL_NOTE = "appraisalNote";

	/** Step {@code land-tax-notice}; the amount is a number of đồng. */
	public static final String TAX_NOTICE_NUMBER = "taxNoticeNumber";

	public static final String TAX_NOTICE_DATE = "taxNoticeDate";

	public static final String TAX_AMOUNT = "taxAmount";

	public static final String TAX_PAYMENT_DUE = "taxPaymentDue";

	/** Step {@code land-payment-confirmed}; the amount is a number of đồng. */
	public static final String PAYMENT_RECEIPT_NUMBER = "paymentReceiptNumber";

	public static final String PAYMENT_AMOUNT = "paymentAmount";

	public static final String PAID_ON = "paidOn";

	/** Step {@code land-certificate-issued}. */
	public static final String NEW_CERTIFICATE_SERIAL = "newCertificateSerial";

	public static final String CERTIFICATE_ENTRY_NUMBER = "certificateEntryNumber";

	public static final String CERTIFICATE_SIGNED_ON = "certificateSignedOn";

	/** Input {@code pauseReason} of {@code Task_PauseDossierClock}. */
	public static final String PAUSE_REASON_FINANCIAL_OBLIGATIONS = "Thực hiện nghĩa vụ tài chính: cơ quan thuế ra thông báo, người nộp hồ sơ nộp tiền";

	private LandUseRightTransferProcess() {
	}

}

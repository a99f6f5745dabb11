package vn.motcua.intake;

/** No dossier has this code. */
public class UnknownDossierException extends RuntimeException {

	public UnknownDossierException(String code) {
		super("Không tìm thấy hồ sơ có mã '" + code + "'");
	}

}

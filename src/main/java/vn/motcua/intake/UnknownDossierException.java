package vn.motcua.intake;

import org.springframework.http.HttpStatus;

import vn.motcua.errors.ClientMistake;

/** No dossier has this code. */
public class UnknownDossierException extends RuntimeException implements ClientMistake {

	public UnknownDossierException(String code) {
		super("Không tìm thấy hồ sơ có mã '" + code + "'");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

}

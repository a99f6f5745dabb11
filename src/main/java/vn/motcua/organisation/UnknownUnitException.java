package vn.motcua.organisation;

/** No unit with the given code, or no unit handles a function for a dossier's area. */
public class UnknownUnitException extends RuntimeException {

	UnknownUnitException(String message) {
		super(message);
	}

}

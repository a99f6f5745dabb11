package vn.motcua.organisation;

/** The organisation file is missing, malformed or inconsistent; the message names the file and the problem. */
public class OrganisationFileException extends RuntimeException {

	OrganisationFileException(String message) {
		super(message);
	}

	OrganisationFileException(String message, Throwable cause) {
		super(message, cause);
	}

}

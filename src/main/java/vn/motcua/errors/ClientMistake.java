package vn.motcua.errors;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An exception that is the client's mistake (or a rule the request breaks), answered with
 * {@link #status()} and its message, which is Vietnamese text or a message bundle code. Any
 * exception class may implement it, also one thrown inside the engine and wrapped by it.
 */
public interface ClientMistake {

	HttpStatus status();

	/** Vietnamese text, or a code of a message bundle. */
	String getMessage();

	/** Arguments of the message when it is a bundle code. */
	default Object[] arguments() {
		return new Object[0];
	}

	/** The one field or parameter at fault, answered with the message itself; null if none or several. */
	default String field() {
		return null;
	}

	/** One message per field or parameter at fault. */
	default Map<String, String> fields() {
		return Map.of();
	}

	/** Headers of the answer (such as {@code Retry-After}). */
	default Map<String, String> headers() {
		return Map.of();
	}

	/** Where the error page leads back to, instead of the home page; null for the home page. */
	default Link back() {
		return null;
	}

	/** A link of the error page: a path of the application and the message code of its text. */
	record Link(String path, String label) {
	}

}

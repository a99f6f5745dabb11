package vn.motcua.deadline;

/** A year file of the calendar is invalid; the message names the file and the line. */
public class CalendarFileException extends RuntimeException {

	private final String file;

	private final int line;

	CalendarFileException(String file, int line, String problem) {
		super(file + ", line " + line + ": " + problem);
		this.file = file;
		this.line = line;
	}

	CalendarFileException(String file, int line, String problem, Throwable cause) {
		super(file + ", line " + line + ": " + problem, cause);
		this.file = file;
		this.line = line;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

}

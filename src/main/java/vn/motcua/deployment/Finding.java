package vn.motcua.deployment;

/**
 * One finding of the procedure contract on one file and element.
 *
 * @param severity whether the deployment is refused, warned about, or only the repository's
 * conventions are broken
 * @param file the resource name
 * @param element the element id, or null for the whole file
 * @param message the rule broken, in Vietnamese
 */
public record Finding(Severity severity, String file, String element, String message) {

	/** How a finding weighs on a deployment. */
	public enum Severity {

		/** The deployment cannot work or is unsafe: it is refused. */
		REFUSAL,

		/** The deployment works but the designer should know (logged). */
		WARNING,

		/** A convention of the repository's models (checked by the build, not at deploy time). */
		CONVENTION

	}

	@Override
	public String toString() {
		return this.element == null ? this.file + ": " + this.message
				: this.file + ", phần tử '" + this.element + "': " + this.message;
	}

}

package vn.motcua.signing;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the units' keystores are ({@code motcua.signing.*}): per unit code a PKCS12 file and its
 * password, and/or a directory of {@code <unit-code>.p12} files sharing one password. A unit listed
 * under {@code units} takes its own file; the others are looked up in the directory.
 *
 * @param directory a directory (Spring resource location, e.g. {@code file:/etc/motcua/keys/}) of
 * {@code <unit-code>.p12}; null: none
 * @param password the password of the directory's keystores (and of their keys)
 * @param units per unit code, its own keystore
 */
@ConfigurationProperties("motcua.signing")
record SigningProperties(String directory, String password, Map<String, UnitKeystore> units) {

	SigningProperties {
		units = units == null ? Map.of() : Map.copyOf(units);
	}

	/**
	 * One unit's keystore.
	 * @param keystore PKCS12 resource location
	 * @param password its password (and its key's)
	 * @param alias the key's alias; null: the first key entry
	 */
	record UnitKeystore(String keystore, String password, String alias) {
	}

}

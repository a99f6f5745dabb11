package vn.motcua.organisation;

import java.util.List;

/**
 * A level of government, with the levels it may hand a dossier off to.
 *
 * @param id e.g. commune, district, department, vertical
 * @param name Vietnamese name, e.g. "Cấp xã"
 * @param handsOffTo ids of levels this level may hand off to
 */
public record Level(String id, String name, List<String> handsOffTo) {

	public Level {
		handsOffTo = handsOffTo == null ? List.of() : List.copyOf(handsOffTo);
	}

}

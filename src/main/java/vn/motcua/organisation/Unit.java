package vn.motcua.organisation;

import java.util.List;

/**
 * One administrative unit.
 *
 * @param code stable id, also the prefix of its Camunda groups and demo users
 * @param agencyCode the national agency code (QCVN 102:2016) printed in dossier codes
 * @param name Vietnamese name
 * @param level id of one of the organisation's levels
 * @param parent code of the parent unit, null for the root
 * @param functions what the unit handles (process models name functions, never units)
 * @param serves units whose area this unit covers; empty means its own subtree
 */
public record Unit(String code, String agencyCode, String name, String level, String parent, List<String> functions,
		List<String> serves) {

	public Unit {
		functions = functions == null ? List.of() : List.copyOf(functions);
		serves = serves == null ? List.of() : List.copyOf(serves);
	}

	public String officersGroup() {
		return code + "-officers";
	}

	public String supervisorsGroup() {
		return code + "-supervisors";
	}

	public boolean handles(String function) {
		return this.functions.contains(function);
	}

}

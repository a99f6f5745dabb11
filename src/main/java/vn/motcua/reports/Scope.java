package vn.motcua.reports;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * What a report covers: {@code province}, {@code level:<id>}, {@code unit:<code>} (the unit and
 * its subtree), {@code unit-only:<code>} or {@code procedure:<key>}.
 */
public record Scope(Kind kind, String value) {

	public enum Kind {

		PROVINCE, LEVEL, UNIT, UNIT_ONLY, PROCEDURE

	}

	public static final Scope PROVINCE = new Scope(Kind.PROVINCE, null);

	public static Scope parse(String text) {
		if (text == null || text.isBlank() || "province".equals(text.trim())) {
			return PROVINCE;
		}
		String[] parts = text.trim().split(":", 2);
		if (parts.length != 2 || parts[1].isBlank()) {
			throw new BadReportRequest("errors.report.scope", "scope", text);
		}
		Kind kind = switch (parts[0]) {
			case "level" -> Kind.LEVEL;
			case "unit" -> Kind.UNIT;
			case "unit-only" -> Kind.UNIT_ONLY;
			case "procedure" -> Kind.PROCEDURE;
			default -> throw new BadReportRequest("errors.report.scope", "scope", text);
		};
		return new Scope(kind, parts[1].trim());
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case PROVINCE -> "province";
			case LEVEL -> "level:" + this.value;
			case UNIT -> "unit:" + this.value;
			case UNIT_ONLY -> "unit-only:" + this.value;
			case PROCEDURE -> "procedure:" + this.value;
		};
	}

	/** Unit codes covered, or null for every unit (whole province, including unknown codes). */
	Set<String> units(Organisation organisation) {
		return switch (this.kind) {
			case PROVINCE, PROCEDURE -> null;
			case LEVEL -> {
				if (organisation.levels().stream().noneMatch(l -> l.id().equals(this.value))) {
					throw new BadReportRequest("errors.report.level", "scope", this.value);
				}
				yield organisation.units()
					.stream()
					.filter(u -> u.level().equals(this.value))
					.map(Unit::code)
					.collect(Collectors.toCollection(TreeSet::new));
			}
			case UNIT -> new TreeSet<>(organisation.subtree(known(organisation).code()));
			case UNIT_ONLY -> new TreeSet<>(Set.of(known(organisation).code()));
		};
	}

	String procedure() {
		return this.kind == Kind.PROCEDURE ? this.value : null;
	}

	private Unit known(Organisation organisation) {
		return organisation.find(this.value)
			.orElseThrow(() -> new BadReportRequest("errors.report.unit", "scope", this.value));
	}

}

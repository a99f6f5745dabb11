package vn.motcua.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.Resource;

/**
 * The province's units as read from the organisation file, with the lookups routing needs: the
 * unit that handles a function for a dossier received at a given unit is the one, among the
 * units with that function whose area covers the receiving unit, with the smallest area.
 */
public final class Organisation {

	private final String name;

	private final String rootCode;

	private final Map<String, Level> levels;

	private final Map<String, Unit> units;

	private final Map<String, Set<String>> areas = new LinkedHashMap<>();

	private Organisation(String name, Map<String, Level> levels, Map<String, Unit> units) {
		this.name = name;
		this.levels = levels;
		this.units = units;
		this.rootCode = units.values().stream().filter(u -> u.parent() == null).findFirst().map(Unit::code).orElse(null);
		units.values().forEach(unit -> this.areas.put(unit.code(), area(unit)));
	}

	public String name() {
		return this.name;
	}

	public Collection<Unit> units() {
		return this.units.values();
	}

	public Collection<Level> levels() {
		return this.levels.values();
	}

	public Optional<Unit> find(String code) {
		return Optional.ofNullable(code == null ? null : this.units.get(code));
	}

	public Unit unit(String code) {
		return find(code).orElseThrow(() -> new UnknownUnitException("Không có đơn vị mã '" + code + "'"));
	}

	public Level level(Unit unit) {
		return this.levels.get(unit.level());
	}

	/** The unit that handles {@code function} for a dossier received at {@code receivingUnit}. */
	public Unit handlerOf(String function, String receivingUnit) {
		Unit receiving = unit(receivingUnit);
		return this.units.values()
			.stream()
			.filter(u -> u.handles(function))
			.filter(u -> this.areas.get(u.code()).contains(receiving.code()))
			.min(Comparator.comparingInt((Unit u) -> this.areas.get(u.code()).size()).thenComparing(Unit::code))
			.orElseThrow(() -> new UnknownUnitException("Không có đơn vị nào xử lý chức năng '" + function
					+ "' cho hồ sơ tiếp nhận tại " + receiving.name()));
	}

	/** Whether a unit of {@code from}'s level may hand a dossier off to {@code to}'s level. */
	public boolean mayHandOff(Unit from, Unit to) {
		return level(from).handsOffTo().contains(to.level());
	}

	/** Units that receive dossiers at a one-stop desk. */
	public List<Unit> desks() {
		return this.units.values().stream().filter(u -> u.handles("desk")).toList();
	}

	/** Codes of the unit and of everything below it. */
	public Set<String> subtree(String code) {
		Set<String> result = new HashSet<>();
		result.add(code);
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Unit unit : this.units.values()) {
				if (unit.parent() != null && result.contains(unit.parent()) && result.add(unit.code())) {
					grew = true;
				}
			}
		}
		return result;
	}

	private Set<String> area(Unit unit) {
		if (unit.serves().isEmpty()) {
			return subtree(unit.code());
		}
		Set<String> area = new HashSet<>();
		unit.serves().forEach(code -> area.addAll(subtree(code)));
		return area;
	}

	/** Reads and checks an organisation file; any problem stops with a message naming the file. */
	public static Organisation read(Resource resource) {
		String file = resource.getDescription();
		OrganisationFile data;
		try (InputStream in = resource.getInputStream()) {
			ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
			data = yaml.readValue(in, OrganisationFile.class);
		}
		catch (JsonProcessingException ex) {
			var location = ex.getLocation();
			String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
			throw new OrganisationFileException(
					"Organisation file " + file + " is malformed" + where + ": " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new OrganisationFileException("Cannot read organisation file " + file + ": " + ex.getMessage(), ex);
		}
		return check(file, data);
	}

	private static Organisation check(String file, OrganisationFile data) {
		List<String> problems = new ArrayList<>();
		if (data == null || data.units() == null || data.units().isEmpty()) {
			throw new OrganisationFileException("Organisation file " + file + " declares no units");
		}
		if (data.levels() == null || data.levels().isEmpty()) {
			throw new OrganisationFileException("Organisation file " + file + " declares no levels");
		}
		Map<String, Level> levels = new LinkedHashMap<>();
		for (Level level : data.levels()) {
			if (blank(level.id()) || blank(level.name())) {
				problems.add("a level without id or name");
			}
			else if (levels.put(level.id(), level) != null) {
				problems.add("level '" + level.id() + "' is declared twice");
			}
		}
		for (Level level : levels.values()) {
			level.handsOffTo()
				.stream()
				.filter(target -> !levels.containsKey(target))
				.forEach(target -> problems.add("level '" + level.id() + "' hands off to unknown level '" + target + "'"));
		}
		Map<String, Unit> units = new LinkedHashMap<>();
		Set<String> agencyCodes = new HashSet<>();
		for (Unit unit : data.units()) {
			if (blank(unit.code()) || blank(unit.name()) || blank(unit.level())) {
				problems.add("unit " + (blank(unit.code()) ? "without code" : "'" + unit.code() + "'")
						+ " needs code, name and level");
				continue;
			}
			if (!unit.code().matches("[a-z0-9][a-z0-9-]*")) {
				problems.add("unit code '" + unit.code() + "' must be lower-case letters, digits and dashes");
			}
			if (units.put(unit.code(), unit) != null) {
				problems.add("unit '" + unit.code() + "' is declared twice");
			}
			if (blank(unit.agencyCode())) {
				problems.add("unit '" + unit.code() + "' has no agencyCode");
			}
			else if (!agencyCodes.add(unit.agencyCode())) {
				problems.add("agencyCode '" + unit.agencyCode() + "' of unit '" + unit.code() + "' is used twice");
			}
			if (!levels.containsKey(unit.level())) {
				problems.add("unit '" + unit.code() + "' has unknown level '" + unit.level() + "'");
			}
		}
		long roots = units.values().stream().filter(u -> u.parent() == null).count();
		for (Unit unit : units.values()) {
			if (unit.parent() != null && !units.containsKey(unit.parent())) {
				problems.add("unit '" + unit.code() + "' has unknown parent '" + unit.parent() + "'");
			}
			unit.serves()
				.stream()
				.filter(code -> !units.containsKey(code))
				.forEach(code -> problems.add("unit '" + unit.code() + "' serves unknown unit '" + code + "'"));
		}
		if (problems.isEmpty()) {
			problems.addAll(cycles(units));
		}
		if (problems.isEmpty() && roots != 1) {
			problems.add("exactly one unit must have no parent (the province), found " + roots);
		}
		if (!problems.isEmpty()) {
			throw new OrganisationFileException("Organisation file " + file + " is invalid: " + String.join("; ", problems));
		}
		String name = data.province() == null || blank(data.province().name()) ? file : data.province().name();
		return new Organisation(name, levels, units);
	}

	private static List<String> cycles(Map<String, Unit> units) {
		List<String> problems = new ArrayList<>();
		for (Unit unit : units.values()) {
			Set<String> seen = new HashSet<>();
			for (Unit at = unit; at != null && at.parent() != null; at = units.get(at.parent())) {
				if (!seen.add(at.code())) {
					problems.add("unit '" + unit.code() + "' is its own ancestor");
					break;
				}
			}
		}
		return problems;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	record OrganisationFile(Province province, List<Level> levels, List<Unit> units) {
	}

	record Province(String code, String name) {
	}

}

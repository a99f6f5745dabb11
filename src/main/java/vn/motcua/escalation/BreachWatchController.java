package vn.motcua.escalation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.errors.Refused;
import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;

/**
 * {@code /breaches}: the supervisors' list of their units' open steps that are breached or about
 * to be, with the escalation task in Tasklist. A supervisor sees the units they supervise
 * ({@code <unit>-supervisors}), auditors and administrators every unit; another unit is 403.
 */
@Controller
class BreachWatchController {

	private final BreachWatch watch;

	private final Organisation organisation;

	private final String engineName;

	BreachWatchController(BreachWatch watch, Organisation organisation, ProcessEngine engine) {
		this.watch = watch;
		this.organisation = organisation;
		this.engineName = engine.getName();
	}

	@GetMapping("/breaches")
	String breaches(@RequestParam(required = false) String unit, Authentication auth, Model model, Locale locale) {
		List<Unit> visible = visibleUnits(auth);
		if (visible.isEmpty()) {
			throw new Refused(HttpStatus.FORBIDDEN, "pages.breaches.notSupervisor");
		}
		List<Unit> shown = visible;
		if (unit != null && !unit.isBlank()) {
			String code = unit.strip();
			Unit chosen = visible.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow(() -> {
				if (this.organisation.find(code).isEmpty()) {
					return new Refused(HttpStatus.NOT_FOUND, "pages.unknownUnit");
				}
				return new Refused(HttpStatus.FORBIDDEN, "pages.breaches.otherUnit",
						this.organisation.unit(code).name());
			});
			shown = List.of(chosen);
		}
		List<BreachWatch.Row> rows = this.watch.of(shown.stream().map(Unit::code).toList(), locale);
		model.addAttribute("units", visible);
		model.addAttribute("unit", shown.size() == 1 ? shown.get(0) : null);
		model.addAttribute("rows", rows);
		model.addAttribute("breachedCount", rows.stream().filter(BreachWatch.Row::breached).count());
		model.addAttribute("nearCount", rows.stream().filter(r -> !r.breached()).count());
		model.addAttribute("now", this.watch.now());
		model.addAttribute("tasklist", "/camunda/app/tasklist/" + this.engineName + "/#/?task=");
		return "escalation/breaches";
	}

	private List<Unit> visibleUnits(Authentication auth) {
		if (auth == null) {
			return List.of();
		}
		Set<String> supervised = new TreeSet<>();
		boolean all = false;
		for (GrantedAuthority a : auth.getAuthorities()) {
			String name = a.getAuthority();
			if ("ROLE_AUDITOR".equals(name) || "ROLE_ADMIN".equals(name)) {
				all = true;
			}
			else if (name.startsWith("GROUP_") && name.endsWith("-supervisors")) {
				supervised.add(name.substring("GROUP_".length(), name.length() - "-supervisors".length()));
			}
		}
		boolean everyUnit = all;
		return this.organisation.units().stream().filter(u -> everyUnit || supervised.contains(u.code())).toList();
	}

}

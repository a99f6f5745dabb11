package vn.motcua.procedure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadline settings of the step sub-process.
 *
 * @param warningBeforeWorkingDays how long before a step is due its officers are reminded
 * @param citizenSupplementWorkingDays the citizen's window to supplement a dossier (form 02), after
 * which the dossier is refused
 */
@ConfigurationProperties("motcua.deadlines")
record DeadlineProperties(@DefaultValue("0.5") double warningBeforeWorkingDays,
		@DefaultValue("7") double citizenSupplementWorkingDays) {
}

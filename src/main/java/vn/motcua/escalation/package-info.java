/**
 * Escalation: a step past its due date is recorded as a breach against the unit (and the official
 * holding the task) and escalated to the unit's supervisors; a dossier about to miss its
 * appointment gets one apology (form 04) from the unit at fault, which moves the appointment once.
 */
package vn.motcua.escalation;

/**
 * What officials see of a dossier in Camunda Tasklist: the variables on task cards (dossier code,
 * procedure, applicant, step due time, alerts) and the header of every step form (appointment, due
 * time, office time left, documents received, unit names), computed from the engine and the dossier
 * tables. See {@code docs/localisation.md}.
 */
package vn.motcua.tasklist;

/**
 * The procedure engine: the contract between BPMN models and Java (variable names, process
 * backing classes), the called process {@code agency-step} (one handoff to one agency: its clock,
 * supplement once per agency, refusal), the dossier clock (paused for supplements and tax
 * payment) and the closing of a dossier as early, on time or late. See
 * {@code docs/procedure-engine.md}.
 */
package vn.motcua.procedure;

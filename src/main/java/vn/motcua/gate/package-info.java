/**
 * The engine boundary: one gate in front of the engine's REST API (Tasklist, Cockpit, Modeler and
 * other systems) that lets users write only what a form declares, by the form's rules, and never
 * the variables that carry a dossier's identity and state. See {@code docs/security.md}.
 */
package vn.motcua.gate;

/**
 * Auditors' history (issue 5): a read-only area under {@code /audit} for auditors (all units) and
 * supervisors (their own unit): dossier search on Motcua's own indexed tables, the dossier
 * timeline (handoffs, supplements, pauses, breaches, apology, Camunda's user operation log), the
 * control sheet (form 05) and logbook (form 06) as print pages and PDF, CSV and XLSX exports, and
 * a hash-chained, append-only record of the events that matter ({@code audit_event}) fed by a
 * Camunda history event handler, with its verification.
 */
package vn.motcua.audit;

/**
 * Auditors' history (issue 5): a read-only area under {@code /audit} for auditors (all units) and
 * supervisors (their own unit): dossier search on Motcua's own indexed tables, the dossier
 * timeline (handoffs, supplements, pauses, breaches, apology, Camunda's user operation log), the
 * control sheet (form 05) and logbook (form 06) as print pages and PDF, CSV and XLSX exports, and
 * the tamper-evident record ({@code audit_event}): one hash chain per dossier, fed by a Camunda
 * history event handler (events) and by the dossier's own changes (protected fields), sealed
 * periodically into signed RFC 9162 Merkle roots, with its verification and the seals' export.
 */
package vn.motcua.audit;

/**
 * Reports: the performance indicators every one-stop office is judged by (Circular 01/2020/TT-VPCP
 * columns; on-time rate of Decision 766/QĐ-TTg), per unit or per procedure, for any period and
 * scope, with the Cần Thơ flags (units with a late rate of 5 % or more, officials with 3 or more
 * late dossiers a year), drill-down to the dossiers behind every figure, charts and exports.
 * Figures come from per-day counters kept in the same transaction as the dossier changes
 * ({@link vn.motcua.reports.ReportCounters}); see {@code docs/reports.md}.
 */
package vn.motcua.reports;

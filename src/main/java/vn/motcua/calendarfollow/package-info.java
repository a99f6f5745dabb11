/**
 * Running dossiers follow the legal calendar. When a year file is added or changed (in the
 * external directory, or from the administrators' page {@code /calendar/admin}), the new
 * calendar is recorded as a version ({@code calendar_version}); one node claims it and carries
 * every deadline of the running dossiers from the budget it had left to the new days, in bounded
 * batches, through the engine's public API (job due dates, task due dates, variables). Each move
 * is recorded ({@code deadline_move}) and appended to the dossier's audit chain. Deadlines that
 * rest on a provisional year are marked "tạm tính" in Tasklist, on the receipt and in the lookup.
 */
package vn.motcua.calendarfollow;

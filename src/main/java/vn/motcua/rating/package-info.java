/**
 * Satisfaction ratings (Decision 766/QĐ-TTg): after the result was returned the citizen rates the
 * dossier once, on the lookup page with the lookup secret or through the link of the "result
 * ready" message ({@link vn.motcua.rating.RatingInvitations}); the "Mức độ hài lòng" report at
 * {@code /reports/satisfaction} shows them per unit and procedure, with drill-down.
 */
package vn.motcua.rating;

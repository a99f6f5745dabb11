/**
 * Intake (tiếp nhận): the dossier and its code, the start of a procedure from Tasklist or
 * {@code POST /api/dossiers} (validated against the procedure's deployed intake form), the receipt
 * (form 01) with the citizen's lookup secret and its QR code, and the dossier status lookup. {@link vn.motcua.intake.Dossiers} is the durable record
 * the other capabilities update.
 */
package vn.motcua.intake;

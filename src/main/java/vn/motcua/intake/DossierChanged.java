package vn.motcua.intake;

/**
 * Published synchronously, inside the writing transaction, after a row of {@code dossier} (or one
 * of its handoffs) was inserted or updated. Listeners that keep derived data (the report counters)
 * update it in the same transaction.
 *
 * @param code the dossier code
 */
public record DossierChanged(String code) {
}

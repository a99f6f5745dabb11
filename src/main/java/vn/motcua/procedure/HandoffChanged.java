package vn.motcua.procedure;

/**
 * Published synchronously, inside the writing transaction, after a row of {@code handoff} was
 * finished or its due moved.
 *
 * @param id the handoff id
 */
public record HandoffChanged(long id) {
}

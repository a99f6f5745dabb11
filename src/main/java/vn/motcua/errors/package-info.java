/**
 * The error contract: every refusal is answered from here. JSON clients get RFC 9457 problem
 * details ({@code application/problem+json}) with a problem-type URI, a Vietnamese {@code detail},
 * the same text in {@code message} (which the Camunda webapps and Modeler show) and one message per
 * field in {@code errors}; browsers get a Vietnamese error page. Filters refuse through
 * {@link vn.motcua.errors.ErrorAnswers#refuse}; exceptions that are the client's mistake implement
 * {@link vn.motcua.errors.ClientMistake} wherever they are thrown. Client mistakes are logged in
 * one line without a stack trace. Also the limits every request obeys (body size), and the
 * answers of the engine's REST API on both of its mounts ({@code /engine-rest},
 * {@code /camunda/api/engine}): Camunda's exceptions in Vietnamese, concurrent completions as 409,
 * ids the caller cannot see answered alike.
 */
package vn.motcua.errors;

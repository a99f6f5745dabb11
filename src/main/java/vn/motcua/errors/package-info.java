/**
 * The error contract: every refusal is answered from here. JSON clients get RFC 9457 problem
 * details ({@code application/problem+json}) with a Vietnamese {@code detail}, the same text in
 * {@code message} and one message per field in {@code errors}; browsers get a Vietnamese error
 * page. Client mistakes are logged in one line without a stack trace. Also the limits every
 * request obeys (body size) and the answers of {@code /engine-rest} to concurrent and unknown
 * task work.
 */
package vn.motcua.errors;

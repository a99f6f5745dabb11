/**
 * Throttling at the perimeter, always per client address and never per account: failed logins
 * on every login path (Motcua's form and HTTP Basic, {@code /engine-rest}, the Camunda webapps)
 * impose a growing wait on the address they came from, and public lookups are rate-limited. A
 * stranger can slow down only their own address, never lock out an official.
 */
package vn.motcua.throttle;

/**
 * System: security (Camunda identity behind Spring Security, HTTP Basic on {@code /engine-rest}),
 * deployment of the top-level {@code processes/} and {@code forms/} folders, web configuration
 * (Vietnamese first, English second), the home page and error handling.
 */
package vn.motcua.system;

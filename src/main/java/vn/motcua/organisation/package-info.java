/**
 * Organisation and routing: the province's units (communes, districts, departments, vertical
 * agencies), their levels and functions, read from a data file. Units become Camunda groups,
 * users, authorizations and Tasklist filters at startup, and process models route each step to
 * a unit through the {@code routing} bean, by function, never by a hard-coded unit.
 */
package vn.motcua.organisation;

/**
 * Deployment of procedure models on every path (startup, {@code /engine-rest}, Camunda Modeler,
 * Cockpit): the procedure contract that every model and form must keep, the engine plugin that
 * refuses a deployment breaking it before anything is stored, and the completion of a deployment
 * with the forms and the called processes in force. See {@code docs/modeler.md}.
 */
package vn.motcua.deployment;

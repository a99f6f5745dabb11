/**
 * Citizen portal: the public lookup of a dossier by the code on its receipt. It shows where the
 * dossier stands and when it is due, never the applicant's personal data or officials' accounts.
 */
package vn.motcua.portal;

/**
 * Citizen portal: the public lookup of a dossier by the code and the lookup secret on its receipt,
 * rate-limited per client address. It shows where the dossier stands and when it is due, never the
 * applicant's personal data or officials' accounts.
 */
package vn.motcua.portal;

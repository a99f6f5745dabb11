/**
 * Digital signatures of issued documents (Circular 21/2023/TT-BTTTT as amended by Circular 11/2025):
 * PAdES baseline B signatures of PDFs with the certificate of the issuing unit, the units' keystores,
 * and the verification of signed PDFs (on download, through {@code POST /api/signatures/verify} and
 * the page {@code /ky-so/kiem-tra}).
 */
package vn.motcua.signing;

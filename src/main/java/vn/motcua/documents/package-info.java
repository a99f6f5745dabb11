/**
 * Official documents: rendering the print templates of the forms of Circular 03/2025 (and Circular 01/2018
 * for dossiers received before 1/7/2025) to A4 PDFs, and answering them as downloads, signed by the issuing
 * unit when asked.
 */
package vn.motcua.documents;

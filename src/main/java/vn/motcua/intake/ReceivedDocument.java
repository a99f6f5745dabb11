package vn.motcua.intake;

/**
 * One document of a dossier as the receipt (form 01) lists it.
 *
 * @param value the value of the checklist option
 * @param label the document's name (the option's label)
 * @param form bản chính, bản sao, bản sao có chứng thực or bản chụp (Vietnamese, lower case)
 * @param quantity how many copies
 */
public record ReceivedDocument(String value, String label, String form, int quantity) {
}

package vn.motcua.documents;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** A PDF parsed back: its text and its page count, for tests of the printed documents. */
public record PdfText(String text, int pages) {

	public static PdfText of(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PdfText(new PDFTextStripper().getText(document), document.getNumberOfPages());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text with every run of white space (line breaks included) folded to one space. */
	public String flat() {
		return this.text.replaceAll("\\s+", " ");
	}

	/** Whether the value appears on one line, unbroken (a code, date or time must never be split). */
	public boolean onOneLine(String value) {
		return this.text.lines().anyMatch(line -> line.contains(value));
	}

}

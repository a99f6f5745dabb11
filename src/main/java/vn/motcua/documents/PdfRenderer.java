package vn.motcua.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.pdf.BaseFont;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Renders the print templates (well-formed XHTML) to PDF with Flying Saucer and OpenPDF, with
 * DejaVu Sans embedded from the jar ({@code fonts/}, Bitstream Vera licence) so Vietnamese glyphs
 * print on any machine.
 */
@Component
public class PdfRenderer {

	static final List<String> FONTS = List.of("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf");

	private final SpringTemplateEngine templates;

	private final ApplicationContext context;

	private volatile List<Path> fontFiles;

	PdfRenderer(SpringTemplateEngine templateEngine, ApplicationContext applicationContext) {
		this.templates = templateEngine;
		this.context = applicationContext;
	}

	public String html(String template, Map<String, Object> model, Locale locale) {
		Context ctx = new Context(locale, model);
		ctx.setVariable("pdf", true);
		ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(this.context, null));
		return this.templates.process(template, ctx);
	}

	public byte[] pdf(String template, Map<String, Object> model, Locale locale) {
		String html = html(template, model, locale);
		try {
			ITextRenderer renderer = new ITextRenderer();
			for (Path font : fonts()) {
				renderer.getFontResolver().addFont(font.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			renderer.setDocumentFromString(html);
			renderer.layout();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			renderer.createPDF(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (com.lowagie.text.DocumentException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<Path> fonts() throws IOException {
		if (this.fontFiles == null) {
			synchronized (this) {
				if (this.fontFiles == null) {
					List<Path> files = new ArrayList<>();
					Path dir = Files.createTempDirectory("motcua-fonts");
					for (String font : FONTS) {
						Path file = dir.resolve(Path.of(font).getFileName().toString());
						try (InputStream in = new ClassPathResource(font).getInputStream()) {
							Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
						}
						file.toFile().deleteOnExit();
						files.add(file);
					}
					dir.toFile().deleteOnExit();
					this.fontFiles = List.copyOf(files);
				}
			}
		}
		return this.fontFiles;
	}

}

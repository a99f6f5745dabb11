package vn.motcua.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt's QR code, as the PDF carries it, reads back for any code and lookup secret. The image is read
 * alone, as a pure barcode: zxing's finder-pattern detector, meant for photographs, misses about one in 150 of
 * these perfectly sharp images.
 */
class QrCodesTests {

	@Test
	void everyLookupLinkReadsBackFromTheImage() throws IOException, ReaderException {
		Random random = new Random(20261201);
		String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
		for (int i = 0; i < 300; i++) {
			StringBuilder secret = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String link = "http://localhost/tra-cuu?code=000.31.31.H99-2612%02d-%04d&secret=%s-%s".formatted(
					1 + random.nextInt(28), 1 + random.nextInt(9999), secret.substring(0, 5), secret.substring(5));
			assertThat(read(QrCodes.pngDataUri(link))).isEqualTo(link);
		}
	}

	static String read(String pngDataUri) throws IOException, ReaderException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(
				Base64.getDecoder().decode(pngDataUri.substring("data:image/png;base64,".length()))));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(),
					pixels))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
	}

}

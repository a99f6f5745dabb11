package vn.motcua.intake;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as inline SVG, one square per dark module, for printing on the receipt. */
final class QrCodes {

	private QrCodes() {
	}

	static String svg(String text, int sizeMillimetres) {
		BitMatrix matrix = matrix(text);
		int width = matrix.getWidth();
		int height = matrix.getHeight();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " + width + " " + height
				+ "\" width=\"" + sizeMillimetres + "mm\" height=\"" + sizeMillimetres
				+ "mm\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
				+ path + "\"/></svg>";
	}

	/** The QR code as a PNG data URI (8 pixels a module), for the PDF renderer, which draws no SVG. */
	static String pngDataUri(String text) {
		BitMatrix matrix = matrix(text);
		int scale = 8;
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(matrix.getWidth() * scale,
				matrix.getHeight() * scale, java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
			}
		}
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", png);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());
	}

	private static BitMatrix matrix(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Không tạo được mã QR cho nội dung dài " + text.length() + " ký tự", ex);
		}
		return matrix;
	}

}

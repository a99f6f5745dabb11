package vn.motcua.notification;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email through SMTP ({@code spring.mail.*}), UTF-8 plain text. The idempotency key is the
 * message's {@code Message-ID} ({@code <key@motcua>}) and its {@code X-Idempotency-Key} header, so
 * a repeated attempt is recognisably the same message.
 */
@Component
class EmailChannel implements Channel {

	static final String KEY_HEADER = "X-Idempotency-Key";

	private final ObjectProvider<JavaMailSender> mail;

	private final NotificationProperties properties;

	EmailChannel(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.EMAIL;
	}

	@Override
	public boolean enabled() {
		return this.properties.email().enabled() && this.mail.getIfAvailable() != null;
	}

	static String messageId(String key) {
		return "<" + key + "@motcua>";
	}

	@Override
	public void send(Outgoing message) throws DeliveryFailure {
		JavaMailSender sender = this.mail.getObject();
		try {
			MimeMessage mime = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
			helper.setFrom(this.properties.email().from());
			helper.setTo(message.recipient());
			helper.setSubject(message.subject() == null ? message.dossierCode() : message.subject());
			helper.setText(message.body(), false);
			// JavaMailSenderImpl keeps a Message-ID set before sending
			mime.setHeader("Message-ID", messageId(message.idempotencyKey()));
			mime.setHeader(KEY_HEADER, message.idempotencyKey());
			sender.send(mime);
		}
		catch (MessagingException | MailParseException | MailPreparationException ex) {
			throw new DeliveryFailure("Địa chỉ hoặc nội dung thư không hợp lệ: " + ex.getMessage(), true);
		}
		catch (MailSendException ex) {
			boolean refused = ex.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
			throw new DeliveryFailure("Máy chủ thư không nhận: " + ex.getMessage(), refused);
		}
		catch (MailAuthenticationException ex) {
			throw new DeliveryFailure("Máy chủ thư từ chối đăng nhập: " + ex.getMessage(), false);
		}
		catch (MailException ex) {
			throw new DeliveryFailure("Không gửi được thư: " + ex.getMessage(), false);
		}
	}

}

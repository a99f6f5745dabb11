package vn.motcua.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SMS or Zalo through an HTTP gateway of the contract in {@code docs/notifications.md}: a JSON
 * {@code POST} with {@code Authorization: Bearer <key>} and {@code Idempotency-Key}; the gateway
 * delivers a key once and answers a repeated key with 2xx. 2xx: accepted; 400, 401, 403, 404, 422:
 * refused for good; anything else (and no answer): tried again later.
 */
class HttpGatewayChannel implements Channel {

	private final ChannelKind kind;

	private final NotificationProperties.Gateway gateway;

	private final ObjectMapper json;

	private final HttpClient client;

	HttpGatewayChannel(ChannelKind kind, NotificationProperties.Gateway gateway, ObjectMapper json) {
		this.kind = kind;
		this.gateway = gateway;
		this.json = json;
		this.client = HttpClient.newBuilder().connectTimeout(gateway.timeout()).build();
	}

	@Override
	public ChannelKind kind() {
		return this.kind;
	}

	@Override
	public boolean enabled() {
		return this.gateway.enabled() && this.gateway.url() != null;
	}

	@Override
	public void send(Outgoing message) throws DeliveryFailure {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", this.kind.name().toLowerCase(Locale.ROOT));
		body.put("to", message.recipient());
		body.put("text", message.body());
		body.put("reference", message.dossierCode());
		HttpRequest request;
		try {
			request = HttpRequest.newBuilder(this.gateway.url())
				.timeout(this.gateway.timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("Authorization", "Bearer " + this.gateway.key())
				.header("Idempotency-Key", message.idempotencyKey())
				.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body), StandardCharsets.UTF_8))
				.build();
		}
		catch (JsonProcessingException ex) {
			throw new DeliveryFailure(ex.getMessage(), true);
		}
		HttpResponse<String> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new DeliveryFailure("Cổng " + this.kind + " không trả lời: " + ex, false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailure("Bị ngắt khi gửi qua cổng " + this.kind, false);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return;
		}
		String detail = "Cổng " + this.kind + " trả lời " + status + ": " + shorten(response.body());
		throw new DeliveryFailure(detail, status == 400 || status == 401 || status == 403 || status == 404 || status == 422);
	}

	private static String shorten(String text) {
		return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
	}

}

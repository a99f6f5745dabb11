package vn.motcua.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS/Zalo gateway speaking the contract of docs/notifications.md over a real socket: it checks
 * the key, delivers each {@code Idempotency-Key} once (a repeated key is answered 200 with
 * {@code "duplicate": true} and not delivered again), and can be told to fail the next requests.
 */
final class GatewayStub {

	/** A request as received. */
	record Request(String path, String key, String authorization, String contentType, String body) {
	}

	private final HttpServer server;

	private final String expectedKey;

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, String> delivered = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Deque<Integer> failures = new ArrayDeque<>();

	private GatewayStub(String expectedKey) throws IOException {
		this.expectedKey = expectedKey;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		this.server.start();
	}

	static GatewayStub start(String expectedKey) {
		try {
			return new GatewayStub(expectedKey);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	synchronized void failNext(int... statuses) {
		for (int status : statuses) {
			this.failures.add(status);
		}
	}

	synchronized void reset() {
		this.requests.clear();
		this.delivered.clear();
		this.failures.clear();
	}

	List<Request> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	/** Delivered messages by idempotency key: the text the handset got. */
	Map<String, String> delivered() {
		synchronized (this.delivered) {
			return Map.copyOf(this.delivered);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		this.requests.add(new Request(exchange.getRequestURI().getPath(), key, auth,
				exchange.getRequestHeaders().getFirst("Content-Type"), body));
		Integer failure;
		synchronized (this) {
			failure = this.failures.poll();
		}
		if (!"POST".equals(exchange.getRequestMethod())) {
			answer(exchange, 405, "{\"error\":\"method\"}");
		}
		else if (!("Bearer " + this.expectedKey).equals(auth)) {
			answer(exchange, 401, "{\"error\":\"key\"}");
		}
		else if (key == null || key.isBlank()) {
			answer(exchange, 400, "{\"error\":\"Idempotency-Key\"}");
		}
		else if (failure != null) {
			answer(exchange, failure, "{\"error\":\"failure " + failure + "\"}");
		}
		else if (this.delivered.putIfAbsent(key, body) != null) {
			answer(exchange, 200, "{\"id\":\"" + key + "\",\"duplicate\":true}");
		}
		else {
			answer(exchange, 202, "{\"id\":\"" + key + "\",\"duplicate\":false}");
		}
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}

package vn.motcua.deployment;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.MotcuaApplication;

/**
 * How long the first deployment from Camunda Modeler takes after a restart (Modeler's client gives
 * up after 5 s), against the next one in the same run. The application starts twice on one file
 * database, so the second start deploys nothing (as a production restart) and the first Modeler
 * deployment meets whatever the guard has not loaded yet. Each deployment is Modeler's request:
 * {@code birth-registration.bpmn} alone, changed, completed by the guard with the models in force.
 * {@code -Dbench.warm-up=false} turns off the guard's warm-up at startup
 * ({@code motcua.deployment.warm-up}). Not a unit test; run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=vn.motcua.deployment.FirstModelerDeployBenchmark \
 *   -Dexec.classpathScope=test [-Dbench.warm-up=false]
 * </pre>
 */
public final class FirstModelerDeployBenchmark {

	private FirstModelerDeployBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Files.createTempDirectory("motcua-first-deploy");
		try (ConfigurableApplicationContext first = start(data)) {
			// the release is deployed
		}
		long started = System.nanoTime();
		try (ConfigurableApplicationContext second = start(data)) {
			long startup = (System.nanoTime() - started) / 1_000_000;
			int port = ((WebServerApplicationContext) second).getWebServer().getPort();
			String birth = Files.readString(Path.of("processes/birth-registration.bpmn"));
			long firstMs = deploy(port, birth.replace("sourceExpression=\"${0.5}\" target=\"stepAllotment\"",
					"sourceExpression=\"${0.75}\" target=\"stepAllotment\""));
			long nextMs = deploy(port, birth.replace("sourceExpression=\"${0.5}\" target=\"stepAllotment\"",
					"sourceExpression=\"${1}\" target=\"stepAllotment\""));
			System.out.printf("warm-up %s; restart: %d ms; first Modeler deployment: %d ms; next one (baseline): %d ms; ratio %.2f%n",
					System.getProperty("bench.warm-up", "true"), startup, firstMs, nextMs, (double) firstMs / Math.max(1, nextMs));
		}
		System.exit(0);
	}

	private static ConfigurableApplicationContext start(Path data) {
		return new SpringApplicationBuilder(MotcuaApplication.class).run(
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("motcua") + ";MODE=LEGACY", "--server.port=0",
				"--camunda.bpm.job-execution.enabled=false",
				"--logging.level.root=WARN", "--logging.level.vn.motcua.deployment=INFO",
				"--motcua.deployment.warm-up=" + System.getProperty("bench.warm-up", "true"));
	}

	/** Modeler's multipart request; answers the elapsed milliseconds. */
	private static long deploy(int port, String diagram) throws Exception {
		String boundary = "----motcua" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, boundary, "deployment-name", "birth-registration");
		field(body, boundary, "deployment-source", "Camunda Modeler");
		field(body, boundary, "enable-duplicate-filtering", "true");
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"birth-registration.bpmn\"; "
				+ "filename=\"birth-registration.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(diagram.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		long start = System.nanoTime();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("designer:demo".getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/json")
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.timeout(Duration.ofSeconds(120))
				.build(), HttpResponse.BodyHandlers.ofString());
		long elapsed = (System.nanoTime() - start) / 1_000_000;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return elapsed;
	}

	private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n").getBytes(StandardCharsets.UTF_8));
	}

}

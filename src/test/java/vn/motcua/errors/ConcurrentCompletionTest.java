package vn.motcua.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two officials of one unit complete the same task at the same moment over {@code /engine-rest}:
 * one is answered 204, the other 409 «Việc này vừa được người khác xử lý»; the task is completed
 * once. Unknown and forbidden task ids answer alike.
 */
class ConcurrentCompletionTest extends HttpTestBase {

	static final String SUPERVISOR = "xa-an-binh.supervisor";

	static final String STRANGER = "xa-my-loc.officer";

	static final String DONE = "{\"variables\": {\"stepOutcome\": {\"value\": \"done\", \"type\": \"String\"}}}";

	@Autowired
	CompletionBarrier barrier;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ProcessEngine engine;

	/** The REST root of this context's engine (its name is unique per test context). */
	String tasks() {
		return "/engine-rest/engine/" + this.engine.getName() + "/task/";
	}

	@AfterEach
	void disarm() {
		this.barrier.disarm();
	}

	Task firstTask() throws Exception {
		HttpResponse<String> created = postJson("/api/dossiers", OFFICER, BadInputTest.birth().toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String code = JsonPath.read(created.body(), "$.code");
		Task task = this.tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
		assertThat(task).isNotNull();
		return task;
	}

	@Test
	void twoOfficialsCompleteOneTaskAtTheSameMoment() throws Exception {
		Task task = firstTask();
		this.barrier.arm();
		String path = tasks() + task.getId() + "/complete";
		CompletableFuture<HttpResponse<String>> officer = CompletableFuture
			.supplyAsync(() -> unchecked(() -> postJson(path, OFFICER, DONE)));
		CompletableFuture<HttpResponse<String>> supervisor = CompletableFuture
			.supplyAsync(() -> unchecked(() -> postJson(path, SUPERVISOR, DONE)));
		List<HttpResponse<String>> answers = List.of(officer.join(), supervisor.join());
		assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
		HttpResponse<String> conflict = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
		assertThat(conflict.body()).contains("Việc này vừa được người khác xử lý").doesNotContain("ENGINE-");
		assertThat(this.history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isOne();
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	@Test
	void tasklistIsAnsweredTheSameWay() throws Exception {
		Task task = firstTask();
		Webapp officer = webapp(OFFICER);
		Webapp supervisor = webapp(SUPERVISOR);
		this.barrier.arm();
		String path = "/camunda/api/engine/engine/" + this.engine.getName() + "/task/" + task.getId() + "/submit-form";
		CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> unchecked(() -> officer.post(path, DONE)));
		CompletableFuture<HttpResponse<String>> second = CompletableFuture
			.supplyAsync(() -> unchecked(() -> supervisor.post(path, DONE)));
		List<HttpResponse<String>> answers = List.of(first.join(), second.join());
		assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
		assertThat(answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow().body())
			.contains("Việc này vừa được người khác xử lý").doesNotContain("ENGINE-");
	}

	/** A Tasklist session: logged in through the webapps' login, with their CSRF token. */
	record Webapp(HttpClient client, CookieManager cookies, String base) {

		String token() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue)
				.reduce((a, b) -> b)
				.orElse("");
		}

		HttpResponse<String> post(String path, String json) throws Exception {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", token())
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

	Webapp webapp(String user) throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
		Webapp webapp = new Webapp(client, cookies, "http://localhost:" + this.port);
		client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> login = client.send(HttpRequest
			.newBuilder(uri("/camunda/api/admin/auth/user/" + this.engine.getName() + "/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", webapp.token())
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(), HttpResponse.BodyHandlers.ofString());
		return webapp;
	}

	@Test
	void aCompletionAfterTheOtherOfficialsCommitIsAConflictToo() throws Exception {
		Task task = firstTask();
		String path = tasks() + task.getId() + "/complete";
		assertThat(postJson(path, OFFICER, DONE).statusCode()).isEqualTo(204);
		HttpResponse<String> late = postJson(path, SUPERVISOR, DONE);
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(late.body()).contains("Việc này vừa được người khác xử lý");
		// a stranger learns nothing: the completed task answers like any unknown id
		HttpResponse<String> stranger = postJson(path, STRANGER, DONE);
		HttpResponse<String> unknown = postJson(tasks() + "no-such-task/complete", STRANGER, DONE);
		assertThat(stranger.statusCode()).isEqualTo(403);
		assertThat(stranger.body()).isEqualTo(unknown.body());
	}

	@Test
	void unknownTaskIdsAnswerLikeForbiddenOnes() throws Exception {
		Task task = firstTask();
		// a submission the gate would refuse (a field the form does not declare) tells nothing either
		String undeclared = "{\"variables\": {\"notAField\": {\"value\": \"x\"}}}";
		for (String[] call : new String[][] { { "POST", "/complete", DONE }, { "POST", "/submit-form", DONE },
				{ "POST", "/complete", undeclared }, { "POST", "/submit-form", undeclared },
				{ "POST", "/claim", "{\"userId\": \"" + STRANGER + "\"}" }, { "GET", "/variables", null },
				{ "GET", "/form-variables", null }, { "GET", "", null } }) {
			HttpResponse<String> forbidden = call(call[0], tasks() + task.getId() + call[1], call[2]);
			HttpResponse<String> unknown = call(call[0], tasks() + "9999999" + call[1], call[2]);
			assertThat(unknown.statusCode()).as(call[0] + " " + call[1] + ": " + unknown.body())
				.isEqualTo(forbidden.statusCode());
			// GET /task/{id} is Camunda's own 404 «No matching task with id …», naming the id asked for
			assertThat(unknown.body().replace("9999999", "ID")).as(call[0] + " " + call[1])
				.isEqualTo(forbidden.body().replace(task.getId(), "ID"));
		}
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
	}

	HttpResponse<String> call(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", basic(STRANGER));
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		return send(request.build());
	}

	interface Call<T> {

		T run() throws Exception;

	}

	static <T> T unchecked(Call<T> call) {
		try {
			return call.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

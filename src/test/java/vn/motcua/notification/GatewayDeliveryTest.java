package vn.motcua.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SMS and Zalo to an HTTP gateway of the documented contract over a real socket; retries with
 * backoff, dead letter and manual retry, a node stopping between the channel's acceptance and the
 * record, and two senders claiming at once. The sender runs with explicit instants (no sleeps).
 */
class GatewayDeliveryTest extends NotificationTestBase {

	/** Far after every other row of the shared database: the tests below append at T0 and later. */
	static final Instant T0 = Instant.parse("2031-03-02T02:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void drainEarlierRows() throws Exception {
		Instant drain = Instant.parse("2031-01-01T00:00:00Z");
		while (this.sender.runOnce(drain) > 0) {
			drain = drain.plusSeconds(1);
		}
		this.jdbc.sql("update notification set status = 'DEAD' where status = 'PENDING'").update();
		SMS.reset();
		ZALO.reset();
		MAIL.purgeEmailFromAllMailboxes();
	}

	private Outbox.Row sms(String code, String text, Instant at) {
		String key = this.outbox.append(code, NotificationEvent.RECEIVED, ChannelKind.SMS, "0912345678", null, text, at);
		return this.outbox.ofDossier(code).stream().filter(r -> r.idempotencyKey().equals(key)).findFirst().orElseThrow();
	}

	private List<GatewayStub.Request> requestsFor(GatewayStub stub, String key) {
		return stub.requests().stream().filter(r -> key.equals(r.key())).toList();
	}

	@Test
	void anSmsIsPostedAsTheContractSaysWithTheKeyTheIdempotencyKeyAndUtf8Json() throws Exception {
		Outbox.Row row = sms("000.00.31.H29-310302-0001", "Hồ sơ 000.00.31.H29-310302-0001 đã có kết quả", T0);
		assertThat(this.sender.runOnce(T0)).isEqualTo(1);
		GatewayStub.Request request = requestsFor(SMS, row.idempotencyKey()).get(0);
		assertThat(request.path()).isEqualTo("/v1/messages");
		assertThat(request.authorization()).isEqualTo("Bearer sms-secret-key");
		assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.path("channel").asText()).isEqualTo("sms");
		assertThat(body.path("to").asText()).isEqualTo("0912345678");
		assertThat(body.path("text").asText()).isEqualTo("Hồ sơ 000.00.31.H29-310302-0001 đã có kết quả");
		assertThat(body.path("reference").asText()).isEqualTo("000.00.31.H29-310302-0001");
		assertThat(SMS.delivered()).containsKey(row.idempotencyKey());
		assertThat(this.outbox.find(row.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
	}

	@Test
	void aCitizenWithOnlyAPhoneNumberGetsTheReceiptByZalo() throws Exception {
		String code = codeOf(receive(BEFORE_TET, null, "0912345678"));
		Outbox.Row row = rows(code).get(0);
		this.sender.runOnce(T0);
		GatewayStub.Request request = requestsFor(ZALO, row.idempotencyKey()).get(0);
		assertThat(request.path()).isEqualTo("/v1/zns");
		assertThat(request.authorization()).isEqualTo("Bearer zalo-secret-key");
		JsonNode body = this.json.readTree(request.body());
		assertThat(body.path("channel").asText()).isEqualTo("zalo");
		assertThat(body.path("text").asText()).contains("Hồ sơ " + code).contains("đã được tiếp nhận")
			.contains("https://dichvucong.tinh.gov.vn/tra-cuu?code=" + code);
		assertThat(ZALO.delivered()).containsKey(row.idempotencyKey());
	}

	@Test
	void aFailedAttemptIsRetriedAfterABackoffThatDoubles() {
		Outbox.Row row = sms("000.00.31.H29-310302-0002", "Tin nhắn thử", T0);
		SMS.failNext(503, 503);
		this.sender.runOnce(T0);
		Outbox.Row once = this.outbox.find(row.id()).orElseThrow();
		assertThat(once.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(once.attempts()).isEqualTo(1);
		assertThat(once.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
		assertThat(once.lastError()).contains("503");

		this.sender.runOnce(T0.plusSeconds(59));
		assertThat(requestsFor(SMS, row.idempotencyKey())).as("not due yet").hasSize(1);

		this.sender.runOnce(T0.plus(Duration.ofMinutes(1)));
		Outbox.Row twice = this.outbox.find(row.id()).orElseThrow();
		assertThat(twice.attempts()).isEqualTo(2);
		assertThat(twice.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));

		this.sender.runOnce(T0.plus(Duration.ofMinutes(3)));
		Outbox.Row sent = this.outbox.find(row.id()).orElseThrow();
		assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(requestsFor(SMS, row.idempotencyKey())).hasSize(3)
			.extracting(GatewayStub.Request::key)
			.containsOnly(row.idempotencyKey());
		assertThat(this.outbox.attempts(row.id())).extracting(Outbox.Attempt::outcome)
			.containsExactly("FAILED", "FAILED", "SENT");
		assertThat(this.sender.backoff(10)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void afterTheLastAttemptANotificationIsADeadLetterThatAnAdministratorRetries() throws Exception {
		String code = "000.00.31.H29-310302-0003";
		Outbox.Row row = sms(code, "Tin nhắn thử", T0);
		SMS.failNext(500, 500, 500, 500, 500, 500);
		Instant at = T0;
		for (int i = 0; i < 6; i++) {
			this.sender.runOnce(at);
			Outbox.Row now = this.outbox.find(row.id()).orElseThrow();
			at = now.nextAttemptAt();
		}
		Outbox.Row dead = this.outbox.find(row.id()).orElseThrow();
		assertThat(dead.status()).isEqualTo(NotificationStatus.DEAD);
		assertThat(dead.attempts()).isEqualTo(6);
		this.sender.runOnce(at.plus(Duration.ofDays(1)));
		assertThat(requestsFor(SMS, row.idempotencyKey())).as("a dead letter is not tried").hasSize(6);
		assertThat(SMS.delivered()).doesNotContainKey(row.idempotencyKey());

		String page = this.mvc.perform(get("/notifications").param("code", code).param("status", "DEAD").with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Gửi không thành công").contains("Tin nhắn SMS").contains("500")
			.doesNotContain("/notifications/" + row.id() + "/retry");
		this.mvc.perform(post("/notifications/" + row.id() + "/retry").with(auditor()).with(csrf()))
			.andExpect(status().isForbidden());
		String adminPage = this.mvc.perform(get("/notifications").param("code", code).with(admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(adminPage).contains("/notifications/" + row.id() + "/retry");
		this.mvc.perform(post("/notifications/" + row.id() + "/retry").with(admin()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/notifications/" + row.id() + "/retry").with(admin()).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/notifications").param("status", "GONE").with(admin()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/notifications").with(SecurityMockMvcRequestPostProcessors.user("xa-an-binh.officer")
			.authorities(new SimpleGrantedAuthority("ROLE_OFFICER")))).andExpect(status().isForbidden());

		this.sender.runOnce(this.outbox.find(row.id()).orElseThrow().nextAttemptAt());
		assertThat(this.outbox.find(row.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
		assertThat(SMS.delivered()).containsKey(row.idempotencyKey());
		assertThat(this.outbox.attempts(row.id())).hasSize(7).last().extracting(Outbox.Attempt::outcome).isEqualTo("SENT");
	}

	@Test
	void aRefusalForGoodIsADeadLetterAtOnce() {
		Outbox.Row row = sms("000.00.31.H29-310302-0004", "Tin nhắn thử", T0);
		SMS.failNext(422);
		this.sender.runOnce(T0);
		Outbox.Row dead = this.outbox.find(row.id()).orElseThrow();
		assertThat(dead.status()).isEqualTo(NotificationStatus.DEAD);
		assertThat(dead.attempts()).isEqualTo(1);
	}

	@Test
	void aNodeThatStopsBetweenSendingAndRecordingDoesNotDeliverTwice() {
		Outbox.Row row = sms("000.00.31.H29-310302-0005", "Tin nhắn thử", T0);
		this.sender.afterAccepted = () -> {
			throw new IllegalStateException("node stopped");
		};
		assertThatThrownBy(() -> this.sender.runOnce("node-a", T0)).hasMessage("node stopped");
		this.sender.afterAccepted = () -> {
		};
		Outbox.Row unrecorded = this.outbox.find(row.id()).orElseThrow();
		assertThat(unrecorded.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(this.outbox.attempts(row.id())).singleElement().satisfies(a -> assertThat(a.outcome()).isNull());

		this.sender.runOnce("node-b", T0.plus(Duration.ofMinutes(1)));
		assertThat(requestsFor(SMS, row.idempotencyKey())).as("leased by the stopped node").hasSize(1);

		this.sender.runOnce("node-b", T0.plus(Duration.ofMinutes(2)));
		assertThat(this.outbox.find(row.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
		assertThat(requestsFor(SMS, row.idempotencyKey())).as("sent again, with the same key").hasSize(2);
		assertThat(SMS.delivered()).as("the gateway delivered it once").containsKey(row.idempotencyKey());
		assertThat(SMS.delivered().keySet().stream().filter(row.idempotencyKey()::equals)).hasSize(1);
		assertThat(this.outbox.attempts(row.id())).extracting(Outbox.Attempt::node).containsExactly("node-a", "node-b");
	}

	@Test
	void anEmailSentAgainAfterAStoppedNodeCarriesTheSameMessageId() throws Exception {
		String key = this.outbox.append("000.00.31.H29-310302-0006", NotificationEvent.RECEIVED, ChannelKind.EMAIL,
				"crash@example.vn", "Hồ sơ 000.00.31.H29-310302-0006 đã được tiếp nhận", "Nội dung thử", T0);
		this.sender.afterAccepted = () -> {
			throw new IllegalStateException("node stopped");
		};
		assertThatThrownBy(() -> this.sender.runOnce("node-a", T0)).hasMessage("node stopped");
		this.sender.afterAccepted = () -> {
		};
		this.sender.runOnce("node-b", T0.plus(Duration.ofMinutes(3)));
		List<MimeMessage> received = EmailNotificationTest.to("crash@example.vn");
		assertThat(received).hasSize(2);
		assertThat(received.get(0).getMessageID()).isEqualTo("<" + key + "@motcua>")
			.isEqualTo(received.get(1).getMessageID());
	}

	@Test
	void twoSendersClaimingAtOnceDeliverEveryNotificationOnce() throws Exception {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			keys.add(sms("000.00.31.H29-310302-1" + String.format("%03d", i), "Tin nhắn " + i, T0).idempotencyKey());
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Integer>> done = new ArrayList<>();
		for (String node : List.of("node-a", "node-b")) {
			Callable<Integer> run = () -> {
				start.await();
				int total = 0;
				int n;
				while ((n = this.sender.runOnce(node, T0)) > 0) {
					total += n;
				}
				return total;
			};
			done.add(pool.submit(run));
		}
		start.countDown();
		int total = 0;
		for (Future<Integer> f : done) {
			total += f.get();
		}
		pool.shutdown();
		assertThat(total).isEqualTo(120);
		Map<String, Long> perKey = new java.util.HashMap<>();
		SMS.requests().forEach(r -> perKey.merge(r.key(), 1L, Long::sum));
		assertThat(perKey).containsOnlyKeys(keys);
		assertThat(perKey.values()).containsOnly(1L);
		assertThat(this.jdbc.sql("select count(*) from notification where dossier_code like '000.00.31.H29-310302-1%' and status = 'SENT'")
			.query(Long.class).single()).isEqualTo(120L);
	}

	@Test
	void anAdministratorEditsATemplateWithoutARebuildAndTheNextMessageUsesIt() throws Exception {
		this.mvc.perform(post("/notifications/templates").with(auditor()).with(csrf()).param("event", "RECEIVED")
			.param("channel", "ZALO").param("body", "x")).andExpect(status().isForbidden());
		this.mvc.perform(post("/notifications/templates").with(admin()).with(csrf()).param("event", "RECEIVED")
			.param("channel", "ZALO").param("body", " ")).andExpect(status().isBadRequest());
		this.mvc.perform(post("/notifications/templates").with(admin()).with(csrf()).param("event", "NOPE")
			.param("channel", "ZALO").param("body", "x")).andExpect(status().isBadRequest());
		this.mvc.perform(post("/notifications/templates").with(admin()).with(csrf()).param("event", "RECEIVED")
			.param("channel", "EMAIL").param("body", "x")).andExpect(status().isBadRequest());
		this.mvc.perform(post("/notifications/templates").with(admin()).with(csrf()).param("event", "RECEIVED")
			.param("channel", "ZALO").param("body", "UBND xã kính báo: hồ sơ {code} hẹn trả {appointment}."))
			.andExpect(status().is3xxRedirection());
		String page = this.mvc.perform(get("/notifications/templates").with(auditor()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("UBND xã kính báo: hồ sơ {code} hẹn trả {appointment}.").contains("Đã sửa");
		try {
			String code = codeOf(receive(BEFORE_TET, null, "0912345678"));
			String appointment = Notifications.time(this.dossiers.get(code).due());
			assertThat(rows(code).get(0).body()).isEqualTo("UBND xã kính báo: hồ sơ " + code + " hẹn trả " + appointment + ".");
		}
		finally {
			this.mvc.perform(post("/notifications/templates").with(admin()).with(csrf()).param("event", "RECEIVED")
				.param("channel", "ZALO").param("reset", "true")).andExpect(status().is3xxRedirection());
		}
		String code = codeOf(receive(BEFORE_TET, null, "0912345678"));
		assertThat(rows(code).get(0).body()).startsWith("Hồ sơ " + code + " (");
	}

	@Autowired
	javax.sql.DataSource dataSource;

	/**
	 * The claim's conditional update ({@link Outbox#claim}) on a row another node is claiming at that very moment: the
	 * second update waits for the first transaction, then re-reads the committed row and no
	 * longer matches, so it does not take the row.
	 */
	@Test
	void aClaimWaitingForAnotherNodesClaimDoesNotTakeTheRowOnceThatCommits() throws Exception {
		Outbox.Row row = sms("000.00.31.H29-310302-0007", "Tin nhắn thử", T0);
		Instant lease = T0.plus(Duration.ofMinutes(2));
		try (java.sql.Connection a = this.dataSource.getConnection()) {
			a.setAutoCommit(false);
			try (var claim = a.prepareStatement("update notification set lease_owner = ?, lease_until = ? where id = ?"
					+ " and status = 'PENDING' and (lease_until is null or lease_until <= ?)")) {
				claim.setString(1, "node-a");
				claim.setTimestamp(2, java.sql.Timestamp.from(lease));
				claim.setLong(3, row.id());
				claim.setTimestamp(4, java.sql.Timestamp.from(T0));
				assertThat(claim.executeUpdate()).isEqualTo(1);
			}
			ExecutorService pool = Executors.newSingleThreadExecutor();
			Future<Integer> b = pool.submit(() -> {
				try (java.sql.Connection other = this.dataSource.getConnection();
						var claim = other.prepareStatement("update notification set lease_owner = ?, lease_until = ?"
								+ " where id = ? and status = 'PENDING' and (lease_until is null or lease_until <= ?)")) {
					other.setAutoCommit(true);
					claim.setString(1, "node-b");
					claim.setTimestamp(2, java.sql.Timestamp.from(lease));
					claim.setLong(3, row.id());
					claim.setTimestamp(4, java.sql.Timestamp.from(T0));
					return claim.executeUpdate();
				}
			});
			// wait (without sleeping) until node b's update is blocked by node a's row lock
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			boolean blocked = false;
			try (java.sql.Connection probe = this.dataSource.getConnection()) {
				String waiting = probe.getMetaData().getDatabaseProductName().contains("PostgreSQL")
						? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
						: "select count(*) from information_schema.sessions where blocker_id is not null";
				while (!blocked && !b.isDone() && System.nanoTime() < deadline) {
					try (var q = probe.createStatement(); var rs = q.executeQuery(waiting)) {
						rs.next();
						blocked = rs.getInt(1) > 0;
					}
					Thread.onSpinWait();
				}
			}
			assertThat(blocked).as("node b waits for node a's lock").isTrue();
			a.commit();
			assertThat(b.get()).as("rows node b's update took, after node a committed").isZero();
			pool.shutdown();
		}
		assertThat(this.jdbc.sql("select lease_owner from notification where id = ?").param(row.id())
			.query(String.class).single()).isEqualTo("node-a");
	}

	static RequestPostProcessor auditor() {
		return SecurityMockMvcRequestPostProcessors.user("auditor")
			.authorities(new SimpleGrantedAuthority("ROLE_AUDITOR"), new SimpleGrantedAuthority("GROUP_auditors"));
	}

	static RequestPostProcessor admin() {
		return SecurityMockMvcRequestPostProcessors.user("admin")
			.authorities(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("GROUP_camunda-admin"));
	}

}

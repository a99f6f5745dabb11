package vn.motcua.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.motcua.intake.Timeliness;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.BirthRegistrationProcess;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureElements;
import vn.motcua.procedure.ProcedureTestBase;

/**
 * One context for the notification tests: H2 in memory, job executor and scheduled sender off (the
 * tests run the sender with an explicit "now"), email to a GreenMail SMTP server and SMS/Zalo to
 * {@link GatewayStub}s, all on real sockets. On PostgreSQL:
 * {@code -Dmotcua.test.postgres.notify=jdbc:postgresql://…/db -Dmotcua.test.postgres.user=postgres}.
 */
@SpringBootTest(properties = { "spring.datasource.url=${motcua.test.postgres.notify:jdbc:h2:mem:notify;MODE=LEGACY;DB_CLOSE_DELAY=-1}",
		"spring.datasource.username=${motcua.test.postgres.user:sa}",
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
		"spring.datasource.generate-unique-name=true", "motcua.notification.sender.enabled=false",
		"motcua.notification.email.enabled=true", "motcua.notification.email.from=Motcua <motcua@tinh.gov.vn>",
		"motcua.notification.sms.enabled=true", "motcua.notification.sms.key=sms-secret-key",
		"motcua.notification.zalo.enabled=true", "motcua.notification.zalo.key=zalo-secret-key",
		"motcua.notification.public-url=https://dichvucong.tinh.gov.vn", "spring.mail.host=127.0.0.1",
		"motcua.throttle.lookup.burst=1000", "motcua.throttle.lookup.per-minute=1000" })
public abstract class NotificationTestBase extends ProcedureTestBase {

	static final String COMMUNE = "xa-an-binh";

	static final GreenMail MAIL;

	static final GatewayStub SMS = GatewayStub.start("sms-secret-key");

	static final GatewayStub ZALO = GatewayStub.start("zalo-secret-key");

	static {
		MAIL = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		MAIL.start();
	}

	@DynamicPropertySource
	static void endpoints(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		registry.add("motcua.notification.sms.url", () -> SMS.url("/v1/messages"));
		registry.add("motcua.notification.zalo.url", () -> ZALO.url("/v1/zns"));
	}

	@Autowired
	NotificationSender sender;

	@Autowired
	Outbox outbox;

	@Autowired
	Notifications notifications;

	@BeforeEach
	void resetServers() throws Exception {
		MAIL.purgeEmailFromAllMailboxes();
		SMS.reset();
		ZALO.reset();
		this.sender.afterAccepted = () -> {
		};
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Instant instant(LocalDateTime local) {
		return local.atZone(Timeliness.ZONE).toInstant();
	}

	/** A birth registration received at the commune desk, with the contact details given. */
	protected ProcessInstance receive(LocalDateTime at, String email, String phone) {
		clock(at);
		Map<String, Object> v = new HashMap<>();
		v.put(DossierVariables.RECEIVING_UNIT, COMMUNE);
		v.put(DossierVariables.APPLICANT_NAME, "Nguyễn Thị Lan");
		v.put(DossierVariables.APPLICANT_ID_NUMBER, "001190012345");
		if (phone != null) {
			v.put(DossierVariables.APPLICANT_PHONE, phone);
		}
		if (email != null) {
			v.put(DossierVariables.APPLICANT_EMAIL, email);
		}
		v.put(DossierVariables.APPLICANT_ADDRESS, "Thôn Đông, xã An Bình");
		v.put(DossierVariables.CHANNEL, "in-person");
		v.put(DossierVariables.DOCUMENTS, List.of("to-khai-dien-tu", "giay-chung-sinh"));
		v.put(BirthRegistrationProcess.CHILD_NAME, "Trần Minh An");
		v.put(BirthRegistrationProcess.CHILD_BIRTH_DATE, "2026-02-10");
		v.put(BirthRegistrationProcess.CHILD_SEX, "nam");
		v.put(BirthRegistrationProcess.BIRTHPLACE, "Bệnh viện đa khoa tỉnh");
		v.put(BirthRegistrationProcess.MOTHER_NAME, "Nguyễn Thị Lan");
		return this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY, v);
	}

	/** Every step done and the result handed over: the dossier is RETURNED. */
	protected String returned(String email, String phone) {
		LocalDateTime t = BEFORE_TET;
		String code = codeOf(receive(t, email, phone));
		handle(code, COMMUNE, t = t.plusMinutes(30));
		handle(code, COMMUNE, t = t.plusMinutes(30));
		handle(code, "ca-xa-an-binh", t = t.plusHours(1));
		handle(code, "bhxh-bac-son", t);
		clock(t.plusHours(1));
		Task giveBack = task(code, ProcedureElements.RETURN_RESULT, COMMUNE + "-officers");
		this.tasks.complete(giveBack.getId(), Map.of("returnMethod", "in-person", "resultHandedOver", true,
				"recipientName", "Nguyễn Thị Lan"));
		return code;
	}

	protected void handle(String code, String unit, LocalDateTime at) {
		clock(at);
		Task task = task(code, AgencyStepProcess.Elements.HANDLE_STEP, unit + "-officers");
		completeStep(task, AgencyStepProcess.DONE, Map.of());
	}

	List<Outbox.Row> rows(String code) {
		return this.outbox.ofDossier(code);
	}

	/** The text of the dossier's last notification of this event, as queued. */
	protected String body(String code, NotificationEvent event) {
		return rows(code).stream().filter(r -> r.event() == event).reduce((a, b) -> b).orElseThrow().body();
	}

}

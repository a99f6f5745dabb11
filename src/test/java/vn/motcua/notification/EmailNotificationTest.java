package vn.motcua.notification;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.intake.DossierStatus;
import vn.motcua.procedure.AgencyStepProcess;
import vn.motcua.procedure.DossierVariables;
import vn.motcua.procedure.ProcedureElements;
import vn.motcua.procedure.StopRefused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real dossiers, real SMTP: the receipt's notification is written in the engine's transaction and
 * delivered to GreenMail, read back with subject, body and encoding; the other events of a
 * dossier's life write theirs.
 */
class EmailNotificationTest extends NotificationTestBase {

	@Autowired
	TransactionTemplate tx;

	@Autowired
	org.thymeleaf.spring6.SpringTemplateEngine thymeleaf;

	@Test
	void receiptWritesItsNotificationInTheEngineTransactionAndARolledBackIntakeWritesNone() {
		ProcessInstance instance = receive(BEFORE_TET, "lan.nguyen@example.vn", "0912345678");
		String code = codeOf(instance);
		assertThat(rows(code)).singleElement().satisfies(r -> {
			assertThat(r.event()).isEqualTo(NotificationEvent.RECEIVED);
			assertThat(r.channel()).isEqualTo(ChannelKind.EMAIL);
			assertThat(r.recipient()).isEqualTo("lan.nguyen@example.vn");
			assertThat(r.status()).isEqualTo(NotificationStatus.PENDING);
		});

		long before = this.jdbc.sql("select count(*) from notification").query(Long.class).single();
		String[] rolledBack = new String[1];
		this.tx.executeWithoutResult(status -> {
			ProcessInstance doomed = receive(BEFORE_TET.plusMinutes(5), "binh@example.vn", "0987654321");
			rolledBack[0] = codeOf(doomed);
			assertThat(rows(rolledBack[0])).as("visible inside the transaction").hasSize(1);
			status.setRollbackOnly();
		});
		assertThat(this.dossiers.find(rolledBack[0])).isEmpty();
		assertThat(rows(rolledBack[0])).isEmpty();
		assertThat(this.jdbc.sql("select count(*) from notification").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theReceiptEmailReachesTheSmtpServerInUtf8WithTheCodeTheAppointmentInVietnamTimeAndTheLookupLink()
			throws Exception {
		String code = codeOf(receive(BEFORE_TET, "receipt@example.vn", "0912345678"));
		Outbox.Row row = rows(code).get(0);
		this.sender.runOnce(instant(BEFORE_TET.plusMinutes(1)));

		List<MimeMessage> received = to("receipt@example.vn");
		assertThat(received).hasSize(1);
		MimeMessage mail = received.get(0);
		assertThat(mail.getSubject()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
		assertThat(mail.getHeader("Subject")[0]).as("encoded on the wire").startsWith("=?UTF-8?");
		assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("receipt@example.vn");
		assertThat(mail.getMessageID()).isEqualTo("<" + row.idempotencyKey() + "@motcua>");
		assertThat(mail.getHeader(EmailChannel.KEY_HEADER)[0]).isEqualTo(row.idempotencyKey());
		String body = ((String) mail.getContent()).replace("\r\n", "\n");
		String appointment = Notifications.time(this.dossiers.get(code).due());
		assertThat(body).contains("UBND xã An Bình đã tiếp nhận hồ sơ " + code)
			.contains("lúc 09:00 ngày 13/02/2026")
			.contains("Ngày hẹn trả kết quả: " + appointment)
			.contains("https://dichvucong.tinh.gov.vn/tra-cuu?code=" + code)
			// no personal data beyond the address: not the applicant's name nor ID number
			.doesNotContain("Nguyễn Thị Lan")
			.doesNotContain("001190012345");
		assertThat(appointment).matches("\\d\\d:\\d\\d ngày \\d\\d/\\d\\d/\\d{4}");

		Outbox.Row sent = this.outbox.find(row.id()).orElseThrow();
		assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(sent.sentAt()).isEqualTo(instant(BEFORE_TET.plusMinutes(1)));
		assertThat(this.outbox.attempts(row.id())).singleElement()
			.satisfies(a -> assertThat(a.outcome()).isEqualTo("SENT"));
		// delivered once: a second run sends nothing
		this.sender.runOnce(instant(BEFORE_TET.plusMinutes(10)));
		assertThat(to("receipt@example.vn")).hasSize(1);
		assertThat(this.notifications.forDossier(code)).singleElement().satisfies(i -> {
			assertThat(i.event()).isEqualTo("Tiếp nhận hồ sơ, hẹn trả kết quả");
			assertThat(i.channel()).isEqualTo("Thư điện tử");
			assertThat(i.status()).isEqualTo("Đã gửi");
			assertThat(i.sentAt()).isEqualTo(BEFORE_TET.plusMinutes(1));
		});
		org.thymeleaf.context.Context page = new org.thymeleaf.context.Context(java.util.Locale.forLanguageTag("vi"));
		page.setVariable("items", this.notifications.forDossier(code));
		String timeline = this.thymeleaf.process("notification/timeline", java.util.Set.of("notifications"), page);
		assertThat(timeline).contains("Thông báo gửi công dân").contains("Tiếp nhận hồ sơ, hẹn trả kết quả")
			.contains("Đã gửi").contains("09:01 13/02/2026");
	}

	@Test
	void aSupplementRequestTellsWhatToBringAndByWhen() throws Exception {
		String code = codeOf(receive(BEFORE_TET, "supplement@example.vn", "0912345678"));
		clock(BEFORE_TET.plusMinutes(30));
		Task check = task(code, AgencyStepProcess.Elements.HANDLE_STEP, COMMUNE + "-officers");
		completeStep(check, AgencyStepProcess.SUPPLEMENT, Map.of(AgencyStepProcess.SUPPLEMENT_ITEMS, "Giấy chứng sinh bản chính"));
		List<Outbox.Row> rows = rows(code);
		assertThat(rows).extracting(Outbox.Row::event)
			.containsExactly(NotificationEvent.RECEIVED, NotificationEvent.SUPPLEMENT_REQUESTED);
		assertThat(rows.get(1).body()).contains("Nội dung cần bổ sung: Giấy chứng sinh bản chính").contains("Hạn bổ sung: ");
		this.sender.runOnce(instant(BEFORE_TET.plusMinutes(31)));
		assertThat(to("supplement@example.vn")).extracting(MimeMessage::getSubject)
			.contains("Hồ sơ " + code + ": đề nghị bổ sung, hoàn thiện hồ sơ");
	}

	@Test
	void aRefusalTellsTheReason() {
		String code = codeOf(receive(BEFORE_TET, "lan.nguyen@example.vn", "0912345678"));
		Task check = task(code, AgencyStepProcess.Elements.HANDLE_STEP, COMMUNE + "-officers");
		completeStep(check, AgencyStepProcess.REFUSE,
				Map.of(DossierVariables.REFUSAL_REASON, "Trẻ đã được đăng ký khai sinh tại nơi khác"));
		assertThat(rows(code)).extracting(Outbox.Row::event)
			.containsExactly(NotificationEvent.RECEIVED, NotificationEvent.REFUSED);
		assertThat(rows(code).get(1).body()).contains("Lý do: Trẻ đã được đăng ký khai sinh tại nơi khác");
	}

	@Test
	void theApologyTellsTheNewAppointmentAndTheResultReadyMessageCarriesTheRatingLink() {
		LocalDateTime t = BEFORE_TET;
		String code = codeOf(receive(t, "lan.nguyen@example.vn", "0912345678"));
		handle(code, COMMUNE, t.plusMinutes(30));
		handle(code, COMMUNE, t.plusMinutes(60));
		handle(code, "bhxh-bac-son", t.plusHours(2));
		var instanceId = this.dossiers.get(code).processInstanceId();
		var apologyDue = timer(instanceId, ProcedureElements.APOLOGY_DUE);
		org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(apologyDue.getDuedate().getTime() + 60_000));
		this.management.executeJob(apologyDue.getId());
		var due = this.dossiers.get(code).due();

		// the unit at fault drafts form 04; its supervisors reject the draft: nothing is sent
		Task draft = task(code, ProcedureElements.ISSUE_APOLOGY, "ca-xa-an-binh-officers");
		this.tasks.complete(draft.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Chờ xác minh",
				DossierVariables.NEW_APPOINTMENT, "2026-03-02T16:00"));
		assertThat(rows(code)).as("a draft tells nothing").extracting(Outbox.Row::event)
			.containsExactly(NotificationEvent.RECEIVED);
		Task rejection = task(code, ProcedureElements.APPROVE_APOLOGY, "ca-xa-an-binh-supervisors");
		this.tasks.complete(rejection.getId(), Map.of(DossierVariables.APOLOGY_DECISION, "reject",
				DossierVariables.APOLOGY_DECISION_NOTE, "Lý do chưa cụ thể, nêu rõ việc cần xác minh"));
		assertThat(this.dossiers.get(code).due()).isEqualTo(due);
		assertThat(rows(code)).as("a rejected draft tells nothing").extracting(Outbox.Row::event)
			.containsExactly(NotificationEvent.RECEIVED);

		// redrafted and approved: exactly one apology reaches the citizen
		Task redraft = task(code, ProcedureElements.ISSUE_APOLOGY, "ca-xa-an-binh-officers");
		this.tasks.complete(redraft.getId(), Map.of(DossierVariables.APOLOGY_REASON, "Chờ xác minh thông tin cư trú",
				DossierVariables.NEW_APPOINTMENT, "2026-03-02T16:00"));
		approveApology(code, "ca-xa-an-binh", due);
		assertThat(rows(code)).extracting(Outbox.Row::event)
			.containsExactly(NotificationEvent.RECEIVED, NotificationEvent.RESCHEDULED);
		Outbox.Row apologyRow = rows(code).get(1);
		assertThat(apologyRow.body()).contains("Lý do: Chờ xác minh thông tin cư trú")
			.contains("Ngày hẹn trả kết quả mới: 16:00 ngày 02/03/2026")
			.doesNotContain("Lý do: Chờ xác minh\n");

		handle(code, "ca-xa-an-binh", LocalDateTime.of(2026, 2, 27, 9, 0));
		assertThat(rows(code)).extracting(Outbox.Row::event)
			.containsExactly(NotificationEvent.RECEIVED, NotificationEvent.RESCHEDULED, NotificationEvent.RESULT_READY);
		assertThat(rows(code).get(2).body()).containsPattern(
				"https://dichvucong\\.tinh\\.gov\\.vn/tra-cuu/danh-gia\\?code=" + java.util.regex.Pattern.quote(code)
						+ "&token=[0-9a-f]{32}");
	}

	@Test
	void aCitizenWhoGaveOnlyAPhoneNumberIsToldByTheFirstPhoneChannelOfThePreference() {
		String code = codeOf(receive(BEFORE_TET, null, "0912345678"));
		assertThat(rows(code)).singleElement().satisfies(r -> {
			assertThat(r.channel()).isEqualTo(ChannelKind.ZALO);
			assertThat(r.recipient()).isEqualTo("0912345678");
			assertThat(r.subject()).isNull();
		});
		assertThat(this.jdbc.sql("select channel from notification_contact where dossier_code = ?").param(code)
			.query(String.class).single()).isEqualTo("ZALO");
		assertThatThrownBy(() -> this.notifications.enqueue("000.00.00.X00-260213-9999", NotificationEvent.RECEIVED,
				Map.of())).isInstanceOf(RuntimeException.class);
	}

	@Test
	void aStopAtTheApplicantsRequestWritesItsNotificationInTheStopsTransactionAndIsMailedWithTheReason()
			throws Exception {
		String code = codeOf(receive(BEFORE_TET, "stop@example.vn", "0912345678"));
		String reason = "Người nộp đề nghị dừng giải quyết để bổ sung giấy tờ khác";
		// refused to another unit: nothing is written
		assertThatThrownBy(() -> this.stops.stop(code, "2026-02-13", reason, "ca-xa-an-binh.officer",
				List.of("ca-xa-an-binh-officers")))
			.isInstanceOfSatisfying(StopRefused.class, r -> assertThat(r.status().value()).isEqualTo(403));
		assertThat(rows(code)).extracting(Outbox.Row::event).containsExactly(NotificationEvent.RECEIVED);

		// the notification belongs to the stop's transaction: rolled back with it
		this.tx.executeWithoutResult(status -> {
			this.stops.stop(code, "2026-02-13", reason, COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
			assertThat(rows(code)).as("visible inside the transaction").extracting(Outbox.Row::event)
				.containsExactly(NotificationEvent.RECEIVED, NotificationEvent.STOPPED);
			status.setRollbackOnly();
		});
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.IN_PROGRESS);
		assertThat(rows(code)).extracting(Outbox.Row::event).containsExactly(NotificationEvent.RECEIVED);

		clock(BEFORE_TET.plusHours(1));
		this.stops.stop(code, "2026-02-13", reason, COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
		assertThat(this.dossiers.get(code).status()).isEqualTo(DossierStatus.STOPPED);
		assertThat(rows(code)).extracting(Outbox.Row::event)
			.containsExactly(NotificationEvent.RECEIVED, NotificationEvent.STOPPED);
		Outbox.Row stop = rows(code).get(1);
		assertThat(stop.status()).isEqualTo(NotificationStatus.PENDING);
		assertThat(stop.recipient()).isEqualTo("stop@example.vn");

		this.sender.runOnce(instant(BEFORE_TET.plusHours(1).plusMinutes(1)));
		List<MimeMessage> mails = to("stop@example.vn").stream()
			.filter(m -> subject(m).equals("Hồ sơ " + code + ": thông báo dừng giải quyết"))
			.toList();
		assertThat(mails).hasSize(1);
		assertThat(((String) mails.get(0).getContent()).replace("\r\n", "\n"))
			.contains("hồ sơ " + code + " (").contains("đã dừng giải quyết").contains(reason)
			.contains("https://dichvucong.tinh.gov.vn/tra-cuu?code=" + code);
		assertThat(this.outbox.find(stop.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
		// a second stop is refused and tells nothing more
		assertThatThrownBy(() -> this.stops.stop(code, "2026-02-13", "Lần hai", COMMUNE + ".officer",
				List.of(COMMUNE + "-officers")))
			.isInstanceOf(StopRefused.class);
		assertThat(rows(code)).hasSize(2);
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The messages GreenMail received for this address (other tests' messages are sent in the same runs). */
	static List<MimeMessage> to(String address) throws Exception {
		List<MimeMessage> mine = new java.util.ArrayList<>();
		for (MimeMessage m : MAIL.getReceivedMessages()) {
			if (m.getAllRecipients()[0].toString().equals(address)) {
				mine.add(m);
			}
		}
		return mine;
	}

}

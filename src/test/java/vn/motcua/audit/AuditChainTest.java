package vn.motcua.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.procedure.BirthRegistrationProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-dossier chains, the dossier record and the seals, on a database of their own: every
 * kind of tampering (edit, insertion, deletion, truncation of entries; SQL edits of the dossier
 * row; rewriting the sealed record) is found and named, and 16 writers of different dossiers never
 * wait for each other. Each test puts the database back as it found it, so the chain verifies
 * between tests; the rewrite of the whole record runs last.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:audit-chain;MODE=LEGACY;DB_CLOSE_DELAY=-1",
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true",
		"spring.datasource.generate-unique-name=true", "motcua.audit.seal.key=c2VhbC1rZXktZm9yLXRoZS1hdWRpdC1jaGFpbi10ZXN0cy0zMmI=" })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {

	static final String COMMUNE = "xa-an-binh";

	@Autowired
	AuditChain chain;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	AuditSealer sealer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void intactAfterEachTest() {
		this.identity.clearAuthentication();
		Verification v = this.verifier.verify();
		assertThat(v.intact()).as(v.message()).isTrue();
	}

	static RequestPostProcessor auditor() {
		return SecurityMockMvcRequestPostProcessors.user("auditor")
			.authorities(new SimpleGrantedAuthority("ROLE_AUDITOR"), new SimpleGrantedAuthority("GROUP_auditors"));
	}

	/** A chain of {@code n} entries for a dossier code of its own (no dossier row). */
	List<AuditEvent> chainOf(String code, int n) {
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		List<AuditEvent> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int step = i;
			out.add(tx.execute(s -> this.chain.append(new Date(), code, "STEP_COMPLETED", COMMUNE, COMMUNE + ".officer",
					Map.of("step", step))));
		}
		return out;
	}

	void restore(AuditEvent e) {
		this.jdbc.update("""
				insert into audit_event (seq, chain_key, chain_seq, recorded_at, dossier_code, event_type, unit_code, user_id,
				  payload, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", e.seq(), e.chainKey(), e.chainSeq(),
				new Timestamp(e.recordedAt().getTime()), e.dossierCode(), e.type(), e.unitCode(), e.userId(), e.payload(),
				e.prevHash(), e.hash());
	}

	@Test
	@Order(1)
	void anEditedEntryIsNamed() {
		List<AuditEvent> c = chainOf("ZZC-EDIT", 3);
		AuditEvent victim = c.get(1);
		this.jdbc.update("update audit_event set user_id = 'mallory' where seq = ?", victim.seq());
		try {
			Verification v = this.verifier.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.reason()).isEqualTo("hash");
			assertThat(v.dossierCode()).isEqualTo("ZZC-EDIT");
			assertThat(v.chainSeq()).isEqualTo(2);
			assertThat(v.firstBroken()).isEqualTo(victim.seq());
			assertThat(v.message()).contains("mục thứ 2", "ZZC-EDIT", "đã bị sửa");
		}
		finally {
			this.jdbc.update("update audit_event set user_id = ? where seq = ?", victim.userId(), victim.seq());
		}
	}

	@Test
	@Order(2)
	void anInsertedEntryIsNamedAtTheEndAndInTheMiddle() {
		List<AuditEvent> c = chainOf("ZZC-INSERT", 3);
		AuditEvent last = c.get(2);
		// appended behind the application's back, with a correct hash, but without moving the head
		AuditEvent forged = new AuditEvent(last.seq() + 100_000, "ZZC-INSERT", 4, new Date(), "ZZC-INSERT", "RETURN",
				COMMUNE, "mallory", "{}", last.hash(), null);
		forged = withHash(forged);
		restore(forged);
		try {
			Verification v = this.verifier.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.reason()).isEqualTo("extra");
			assertThat(v.dossierCode()).isEqualTo("ZZC-INSERT");
			assertThat(v.chainSeq()).isEqualTo(4);
			assertThat(v.firstBroken()).isEqualTo(forged.seq());
		}
		finally {
			this.jdbc.update("delete from audit_event where seq = ?", forged.seq());
		}
		// in the middle: entries 2 and 3 renumbered 3 and 4, a forged entry 2 linked to entry 1
		this.jdbc.update("update audit_event set chain_seq = chain_seq + 10 where chain_key = 'ZZC-INSERT' and chain_seq >= 2");
		this.jdbc.update("update audit_event set chain_seq = chain_seq - 9 where chain_key = 'ZZC-INSERT' and chain_seq >= 12");
		AuditEvent middle = withHash(new AuditEvent(last.seq() + 100_001, "ZZC-INSERT", 2, new Date(), "ZZC-INSERT",
				"STEP_COMPLETED", COMMUNE, "mallory", "{}", c.get(0).hash(), null));
		restore(middle);
		this.jdbc.update("update audit_head set last_seq = 4 where chain_key = 'ZZC-INSERT'");
		try {
			Verification v = this.verifier.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.dossierCode()).isEqualTo("ZZC-INSERT");
			assertThat(v.chainSeq()).isEqualTo(3);
			assertThat(v.reason()).isEqualTo("prev-hash");
			assertThat(v.firstBroken()).isEqualTo(c.get(1).seq());
		}
		finally {
			this.jdbc.update("delete from audit_event where seq = ?", middle.seq());
			this.jdbc.update("update audit_event set chain_seq = chain_seq + 10 where chain_key = 'ZZC-INSERT' and chain_seq >= 3");
			this.jdbc.update("update audit_event set chain_seq = chain_seq - 11 where chain_key = 'ZZC-INSERT' and chain_seq >= 13");
			this.jdbc.update("update audit_head set last_seq = 3 where chain_key = 'ZZC-INSERT'");
		}
	}

	static AuditEvent withHash(AuditEvent e) {
		return new AuditEvent(e.seq(), e.chainKey(), e.chainSeq(), e.recordedAt(), e.dossierCode(), e.type(),
				e.unitCode(), e.userId(), e.payload(), e.prevHash(), AuditChain.hash(e.prevHash(), e.canonical()));
	}

	@Test
	@Order(3)
	void aDeletedEntryIsNamed() {
		List<AuditEvent> c = chainOf("ZZC-DELETE", 3);
		this.jdbc.update("delete from audit_event where seq = ?", c.get(1).seq());
		try {
			Verification v = this.verifier.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.reason()).isEqualTo("missing");
			assertThat(v.dossierCode()).isEqualTo("ZZC-DELETE");
			assertThat(v.chainSeq()).isEqualTo(2);
			assertThat(v.message()).contains("Thiếu mục thứ 2", "ZZC-DELETE");
		}
		finally {
			restore(c.get(1));
		}
	}

	@Test
	@Order(4)
	void aTruncatedChainIsNamed() {
		List<AuditEvent> c = chainOf("ZZC-TRUNCATE", 4);
		this.jdbc.update("delete from audit_event where chain_key = 'ZZC-TRUNCATE' and chain_seq >= 3");
		try {
			Verification v = this.verifier.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.reason()).isEqualTo("truncated");
			assertThat(v.dossierCode()).isEqualTo("ZZC-TRUNCATE");
			assertThat(v.chainSeq()).isEqualTo(3);
		}
		finally {
			restore(c.get(2));
			restore(c.get(3));
		}
		// cut off together with its head: only the seal knows how long the chain was
		assertThat(this.sealer.seal().seal()).isPresent();
		this.jdbc.update("delete from audit_event where chain_key = 'ZZC-TRUNCATE' and chain_seq >= 3");
		this.jdbc.update("update audit_head set last_seq = 2, last_hash = ? where chain_key = 'ZZC-TRUNCATE'",
				c.get(1).hash());
		try {
			Verification v = this.verifier.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.reason()).isEqualTo("truncated-sealed");
			assertThat(v.dossierCode()).isEqualTo("ZZC-TRUNCATE");
			assertThat(v.chainSeq()).isEqualTo(3);
			assertThat(this.sealer.seal().seal()).as("a broken chain is never sealed").isEmpty();
		}
		finally {
			restore(c.get(2));
			restore(c.get(3));
			this.jdbc.update("update audit_head set last_seq = 4, last_hash = ? where chain_key = 'ZZC-TRUNCATE'",
					c.get(3).hash());
		}
	}

	@Test
	@Order(5)
	void sqlEditsOfTheDossierRowAreNamed() {
		String code = receive("Nguyễn Thị Lan");
		assertThat(this.chain.ofDossier(code)).extracting(AuditEvent::type).contains(AuditChain.RECORD, "RECEIPT");
		Map<String, Object> row = this.jdbc.queryForMap("select status, applicant_name from dossier where code = ?", code);
		this.jdbc.update("update dossier set status = 'REFUSED' where code = ?", code);
		try {
			Verification v = this.verifier.verify();
			assertThat(v.intact()).isFalse();
			assertThat(v.reason()).isEqualTo("record");
			assertThat(v.dossierCode()).isEqualTo(code);
			assertThat(v.message()).contains(code, "trạng thái").doesNotContain("tên người nộp");
		}
		finally {
			this.jdbc.update("update dossier set status = ? where code = ?", row.get("status"), code);
		}
		assertThat(this.verifier.verify().intact()).isTrue();
		this.jdbc.update("update dossier set applicant_name = 'Kẻ Mạo Danh' where code = ?", code);
		try {
			Verification v = this.verifier.verifyFull();
			assertThat(v.intact()).isFalse();
			assertThat(v.reason()).isEqualTo("record");
			assertThat(v.dossierCode()).isEqualTo(code);
			assertThat(v.message()).contains("tên người nộp");
		}
		finally {
			this.jdbc.update("update dossier set applicant_name = ? where code = ?", row.get("applicant_name"), code);
		}
		// a row added by SQL is not in any chain
		this.jdbc.update("""
				insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit, applicant_name,
				  channel, legal_working_days, received_at, original_due, legal_due, due_at, status)
				select 'ZZC-FORGED', procedure_key, procedure_name, procedure_version, receiving_unit, applicant_name,
				  channel, legal_working_days, received_at, original_due, legal_due, due_at, status from dossier where code = ?""",
				code);
		try {
			Verification v = this.verifier.verify();
			assertThat(v.reason()).isEqualTo("unrecorded");
			assertThat(v.dossierCode()).isEqualTo("ZZC-FORGED");
		}
		finally {
			this.jdbc.update("delete from dossier where code = 'ZZC-FORGED'");
		}
	}

	@Test
	@Order(6)
	void sixteenWritersOfDifferentDossiersNeverWaitForEachOther() throws Exception {
		int threads = 16;
		int rounds = 25;
		for (int t = 0; t < threads; t++) {
			this.jdbc.update("""
					insert into dossier (code, procedure_key, procedure_name, procedure_version, receiving_unit, applicant_name,
					  channel, legal_working_days, received_at, original_due, legal_due, due_at, status)
					values (?, 'birth-registration', 'Đăng ký khai sinh', 1, ?, 'Người nộp', 'in-person', 3, ?, ?, ?, ?, 'IN_PROGRESS')""",
					"ZZC-CONC-" + t, COMMUNE, new Timestamp(0), new Timestamp(0), new Timestamp(0), new Timestamp(0));
			String code = "ZZC-CONC-" + t;
			new TransactionTemplate(this.transactions).executeWithoutResult(s -> this.chain.appendRecord(code, new Date()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			String code = "ZZC-CONC-" + t;
			Callable<Integer> writer = () -> {
				start.await();
				TransactionTemplate tx = new TransactionTemplate(this.transactions);
				tx.setTimeout(10);
				for (int r = 0; r < rounds; r++) {
					int round = r;
					tx.executeWithoutResult(s -> {
						// what an engine transaction does: an event, a change of the dossier row, its record
						this.chain.append(new Date(), code, "HANDOFF", COMMUNE, null, Map.of("round", round));
						this.jdbc.update("update dossier set due_at = ? where code = ?", new Timestamp((round + 1) * 1000L), code);
						this.chain.appendRecord(code, new Date());
					});
				}
				return rounds;
			};
			results.add(pool.submit(writer));
		}
		long started = System.nanoTime();
		start.countDown();
		int done = 0;
		for (Future<Integer> f : results) {
			done += f.get(60, TimeUnit.SECONDS); // any lock timeout or deadlock would surface here
		}
		pool.shutdown();
		long ms = (System.nanoTime() - started) / 1_000_000;
		assertThat(done).isEqualTo(threads * rounds);
		for (int t = 0; t < threads; t++) {
			assertThat(this.chain.ofDossier("ZZC-CONC-" + t)).hasSize(1 + 2 * rounds);
		}
		Verification v = this.verifier.verifyFull();
		assertThat(v.intact()).as(v.message()).isTrue();
		System.out.printf("audit-chain concurrency: %d transactions by %d threads in %d ms%n", done, threads, ms);
	}

	@Test
	@Order(7)
	void sealsAreSignedChainedExportedAndCatchSealedEdits() throws Exception {
		chainOf("ZZC-SEAL", 3);
		AuditSealer.Outcome outcome = this.sealer.seal();
		AuditSeals.Seal seal = outcome.seal().orElseThrow();
		assertThat(this.sealer.seal().seal()).as("nothing changed since").isEmpty();
		Verification sealed = this.verifier.verify();
		assertThat(sealed.intact()).isTrue();
		assertThat(sealed.sealNo()).isEqualTo(seal.sealNo());
		assertThat(sealed.headHash()).isEqualTo(seal.rootHash());
		// an edit of a sealed entry: the full check re-hashes it
		AuditEvent old = this.chain.ofDossier("ZZC-SEAL").get(0);
		this.jdbc.update("update audit_event set unit_code = 'xa-hoa-phu' where seq = ?", old.seq());
		try {
			Verification v = this.verifier.verifyFull();
			assertThat(v.reason()).isEqualTo("hash");
			assertThat(v.firstBroken()).isEqualTo(old.seq());
		}
		finally {
			this.jdbc.update("update audit_event set unit_code = ? where seq = ?", old.unitCode(), old.seq());
		}
		// a sealed entry deleted, or one added after a sealed head: the quick check counts them
		List<AuditEvent> sealedChain = this.chain.ofDossier("ZZC-SEAL");
		this.jdbc.update("delete from audit_event where seq = ?", sealedChain.get(1).seq());
		try {
			Verification v = this.verifier.verify();
			assertThat(v.mode()).isEqualTo("quick");
			assertThat(v.reason()).isEqualTo("missing");
			assertThat(v.dossierCode()).isEqualTo("ZZC-SEAL");
			assertThat(v.chainSeq()).isEqualTo(2);
		}
		finally {
			restore(sealedChain.get(1));
		}
		AuditEvent extra = withHash(new AuditEvent(old.seq() + 200_000, "ZZC-SEAL", 4, new Date(), "ZZC-SEAL", "RETURN",
				COMMUNE, "mallory", "{}", sealedChain.get(2).hash(), null));
		restore(extra);
		try {
			Verification v = this.verifier.verify();
			assertThat(v.reason()).isEqualTo("extra");
			assertThat(v.firstBroken()).isEqualTo(extra.seq());
		}
		finally {
			this.jdbc.update("delete from audit_event where seq = ?", extra.seq());
		}
		// the sealed heads themselves, and the seal, cannot be edited unnoticed
		this.jdbc.update("update audit_sealed_head set last_seq = 2 where chain_key = 'ZZC-SEAL'");
		try {
			assertThat(this.verifier.verify().problems()).extracting(Verification.Problem::reason).contains("sealed-heads");
		}
		finally {
			this.jdbc.update("update audit_sealed_head set last_seq = 3 where chain_key = 'ZZC-SEAL'");
		}
		this.jdbc.update("update audit_seal set root_hash = ? where seal_no = ?", "0".repeat(64), seal.sealNo());
		try {
			assertThat(this.verifier.verify().problems()).extracting(Verification.Problem::reason).contains("seal-hash");
		}
		finally {
			this.jdbc.update("update audit_seal set root_hash = ? where seal_no = ?", seal.rootHash(), seal.sealNo());
		}
		this.mvc.perform(get("/api/audit/seals").with(auditor()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.seals[-1].rootHash").value(seal.rootHash()));
		String page = this.mvc.perform(get("/audit/integrity/seals").with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Các niêm phong của bản ghi sự kiện", seal.rootHash(), "@media print");
		this.mvc.perform(get("/audit/integrity/seals").with(SecurityMockMvcRequestPostProcessors.user("s")
			.authorities(new SimpleGrantedAuthority("ROLE_SUPERVISOR")))).andExpect(status().isForbidden());
		String html = this.mvc.perform(post("/audit/integrity").param("full", "true").with(auditor())
			.with(SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Chuỗi nguyên vẹn", "toàn bộ (mọi mục từ đầu)", seal.rootHash());
	}

	@Test
	@Order(100)
	void aRewrittenRecordDoesNotMatchTheExportedSeals() throws Exception {
		List<AuditEvent> c = chainOf("ZZC-REWRITE", 2);
		this.sealer.seal();
		String export = this.mvc.perform(get("/api/audit/seals").with(auditor()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		this.mvc.perform(post("/api/audit/seals/check").contentType(MediaType.APPLICATION_JSON).content(export)
			.with(auditor())
			.with(SecurityMockMvcRequestPostProcessors.csrf())).andExpect(jsonPath("$.intact").value(true));
		// whoever owns the database rewrites an entry, re-hashes the chain, drops the seals and seals anew
		AuditEvent first = c.get(0);
		AuditEvent edited = withHash(new AuditEvent(first.seq(), first.chainKey(), 1, first.recordedAt(),
				first.dossierCode(), first.type(), first.unitCode(), "mallory", first.payload(), AuditChain.GENESIS, null));
		AuditEvent second = c.get(1);
		AuditEvent relinked = withHash(new AuditEvent(second.seq(), second.chainKey(), 2, second.recordedAt(),
				second.dossierCode(), second.type(), second.unitCode(), second.userId(), second.payload(), edited.hash(),
				null));
		this.jdbc.update("update audit_event set user_id = ?, hash = ? where seq = ?", "mallory", edited.hash(), first.seq());
		this.jdbc.update("update audit_event set prev_hash = ?, hash = ? where seq = ?", edited.hash(), relinked.hash(),
				second.seq());
		this.jdbc.update("update audit_head set last_hash = ? where chain_key = 'ZZC-REWRITE'", relinked.hash());
		this.jdbc.update("delete from audit_seal");
		this.jdbc.update("delete from audit_sealed_head");
		this.sealer.seal();
		assertThat(this.verifier.verifyFull().intact()).as("a consistent rewrite verifies inside the database").isTrue();
		Map<?, ?> check = new ObjectMapper().readValue(this.mvc
			.perform(post("/api/audit/seals/check").contentType(MediaType.APPLICATION_JSON).content(export)
				.with(auditor())
				.with(SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), Map.class);
		assertThat(check.get("intact")).isEqualTo(false);
		assertThat(check.get("message").toString()).contains("bản ghi đã bị viết lại");
	}

	/** A birth registration received at the desk of xã An Bình: a dossier row written by the application. */
	String receive(String applicant) {
		this.identity.setAuthentication(COMMUNE + ".officer", List.of(COMMUNE + "-officers"));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(BirthRegistrationProcess.KEY,
				BirthIntake.at(COMMUNE, applicant));
		this.identity.clearAuthentication();
		return this.jdbc.queryForObject("select code from dossier where process_instance_id = ?", String.class,
				instance.getId());
	}

}

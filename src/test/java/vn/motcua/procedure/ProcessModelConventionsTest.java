package vn.motcua.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import vn.motcua.deployment.Finding;
import vn.motcua.deployment.Finding.Severity;
import vn.motcua.deployment.ProcedureContract;
import vn.motcua.organisation.Organisation;

/**
 * The contract of {@code docs/procedures/README.md} on every file of the top-level
 * {@code processes/} and {@code forms/} folders, against every organisation file: the same
 * {@link ProcedureContract} the deployment guard applies to every deployment, plus the
 * repository's conventions.
 */
class ProcessModelConventionsTest extends ProcedureTestBase {

	@Autowired
	ApplicationContext context;

	@Autowired
	MessageSource messages;

	@Test
	void everyModelAndFormKeepsTheContract() throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		read(Path.of("processes"), ".bpmn", files);
		read(Path.of("forms"), ".form", files);
		List<Finding> findings = contract().check(files);
		List<Finding> broken = findings.stream().filter(f -> f.severity() != Severity.WARNING).toList();
		assertThat(broken).as(broken.toString()).isEmpty();
	}

	@Test
	void brokenModelsAreCaught() {
		Map<String, byte[]> files = new TreeMap<>();
		files.put("forms/a.form", bytes("{\"id\": \"same\", \"components\": []}"));
		files.put("forms/b.form", bytes("{\"id\": \"same\", \"components\": []}"));
		files.put("forms/c.form", bytes("{\"components\": [}"));
		files.put("processes/notes.txt", bytes("hello"));
		files.put("processes/empty.bpmn", bytes(""));
		files.put("processes/doctype.bpmn", bytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
		files.put("processes/malformed.bpmn", bytes("<bpmn:definitions"));
		files.put("processes/Broken_Model.bpmn", bytes(model("""
				<bpmn:process id="other" isExecutable="true">
				  <bpmn:startEvent id="S" name="Start" />
				  <bpmn:userTask id="U" camunda:formRef="nowhere" />
				  <bpmn:serviceTask id="T" name="T" camunda:class="x.Y" />
				  <bpmn:serviceTask id="N" name="N" camunda:delegateExpression="${noSuchDelegate}" />
				  <bpmn:serviceTask id="W" name="W" camunda:delegateExpression="${routing}" />
				  <bpmn:scriptTask id="X" name="X" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
				  <bpmn:userTask id="E" name="E" camunda:formRef="same" camunda:formRefBinding="deployment"
				      camunda:candidateGroups="${execution.processEngineServices.runtimeService}" camunda:dueDate="${dossierDue}">
				    <bpmn:extensionElements>
				      <camunda:taskListener class="x.Y" event="create" />
				      <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener>
				    </bpmn:extensionElements>
				  </bpmn:userTask>
				  <bpmn:userTask id="B" name="B" camunda:formRef="same" camunda:formRefBinding="latest"
				      camunda:candidateGroups="${execution['processEngine']}" camunda:dueDate="${runtimeService.createProcessInstanceQuery()}" />
				  <bpmn:userTask id="F" name="F" camunda:formRef="same" camunda:formRefBinding="deployment"
				      camunda:candidateGroups="${routing.unitFor(execution, 'desk')}" camunda:dueDate="${dossierDue}" />
				  <bpmn:callActivity id="C" name="C" calledElement="agency-step" camunda:calledElementBinding="deployment">
				    <bpmn:extensionElements>
				      <camunda:in sourceExpression="astrology" target="stepFunction" />
				      <camunda:in sourceExpression="${0.02}" target="stepAllotment" />
				      <camunda:in sourceExpression="C" target="stepName" />
				    </bpmn:extensionElements>
				  </bpmn:callActivity>
				  <bpmn:intermediateCatchEvent id="P" name="P">
				    <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
				  </bpmn:intermediateCatchEvent>
				  <bpmn:intermediateCatchEvent id="L" name="L">
				    <bpmn:timerEventDefinition><bpmn:timeDate>2027-01-01T00:00:00</bpmn:timeDate></bpmn:timerEventDefinition>
				  </bpmn:intermediateCatchEvent>
				</bpmn:process>
				<bpmn:error id="Error_Other" errorCode="SOMETHING_ELSE" />
				""")));
		List<Finding> findings = contract().check(files);
		assertThat(String.join("\n", findings.stream().map(Finding::toString).toList())).contains(
				"trùng với tệp forms/a.form", "forms/c.form: biểu mẫu không phải JSON hợp lệ",
				"processes/notes.txt: loại tệp không được phép", "processes/empty.bpmn: tệp rỗng",
				"processes/doctype.bpmn: tệp có khai báo DOCTYPE", "processes/malformed.bpmn: không đọc được sơ đồ BPMN",
				"process id is not the file name", "not kebab-case", "'U': element without a name",
				"without candidate groups", "without due date", "'U': không có biểu mẫu 'nowhere'",
				"'T': thuộc tính camunda:class không được phép", "'X': phần tử <bpmn:scriptTask> không được phép",
				"'N': không có bean 'noSuchDelegate'", "'W': bean 'routing' không phải JavaDelegate",
				"'E': biểu thức ${execution.processEngineServices.runtimeService} truy cập 'execution.processEngineServices'",
				"'E': thuộc tính camunda:taskListener class không được phép",
				"'E': phần tử <camunda:script> không được phép",
				"'B': camunda:formRefBinding phải là \"deployment\"", "'B': biểu thức ${execution['processEngine']} chứa ký tự '['",
				"'B': biểu thức ${runtimeService.createProcessInstanceQuery()} truy cập 'runtimeService.createProcessInstanceQuery'",
				"'F': biểu thức ${routing.unitFor(execution, 'desk')} truy cập 'routing.unitFor'",
				"'C': không có quy trình 'agency-step'", "'C': bước liên thông thiếu tham số stepForm",
				"'C': tham số stepName không còn dùng: tên bước là tên của phần tử call activity",
				"'C': bước liên thông không có sự kiện biên bắt lỗi DOSSIER_REFUSED (từ chối)",
				"'Error_Other': mã lỗi 'SOMETHING_ELSE' không được dùng",
				"'other': thủ tục thiếu thông tin danh mục 'procedureCode'",
				"'C': chức năng 'astrology' không có đơn vị nào đảm nhận",
				"'C': thời hạn ${0.02} không phải bội số không âm của 0,25 ngày làm việc",
				"'P': bộ hẹn giờ phải dùng timeDate", "'L': bộ hẹn giờ 2027-01-01T00:00:00 không tính theo lịch làm việc");
	}

	@Test
	void stepsAddingUpPastTheLegalTotalAreAWarningNotARefusal() throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		read(Path.of("processes"), ".bpmn", files);
		read(Path.of("forms"), ".form", files);
		String birth = new String(files.get("processes/birth-registration.bpmn"), StandardCharsets.UTF_8);
		files.put("processes/birth-registration.bpmn",
				bytes(birth.replace("<camunda:property name=\"legalWorkingDays\" value=\"3\" />",
						"<camunda:property name=\"legalWorkingDays\" value=\"1\" />")));
		List<Finding> findings = contract().check(files);
		assertThat(findings).filteredOn(f -> f.severity() == Severity.REFUSAL).isEmpty();
		assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING)
			.extracting(Finding::toString)
			.anyMatch(text -> text.startsWith("processes/birth-registration.bpmn, phần tử 'birth-registration': tổng thời hạn")
					&& text.contains("vượt tổng thời hạn giải quyết theo quy định (1 ngày làm việc)"));
	}

	@Test
	void aProcedureWithoutItsCatalogueEntryIsRefused() throws IOException {
		Map<String, byte[]> files = repository();
		String land = new String(files.get("processes/land-use-right-transfer.bpmn"), StandardCharsets.UTF_8);
		files.put("processes/land-use-right-transfer.bpmn",
				bytes(land.replaceAll("(?s)<camunda:properties>.*?</camunda:properties>", "<camunda:properties />")));
		assertThat(refusals(files)).containsExactlyInAnyOrder(
				"processes/land-use-right-transfer.bpmn, phần tử 'land-use-right-transfer': thủ tục thiếu thông tin danh mục "
						+ "'procedureCode' (mã thủ tục hành chính trên Cơ sở dữ liệu quốc gia); nhập ở mẫu «Thông tin thủ tục hành chính» của quy trình",
				"processes/land-use-right-transfer.bpmn, phần tử 'land-use-right-transfer': thủ tục thiếu thông tin danh mục "
						+ "'legalBasis' (căn cứ pháp lý); nhập ở mẫu «Thông tin thủ tục hành chính» của quy trình",
				"processes/land-use-right-transfer.bpmn, phần tử 'land-use-right-transfer': thủ tục thiếu thông tin danh mục "
						+ "'legalWorkingDays' (tổng thời hạn giải quyết, ngày làm việc); nhập ở mẫu «Thông tin thủ tục hành chính» của quy trình");
	}

	@Test
	void aMalformedCatalogueEntryIsRefused() throws IOException {
		Map<String, byte[]> files = repository();
		String land = new String(files.get("processes/land-use-right-transfer.bpmn"), StandardCharsets.UTF_8);
		files.put("processes/land-use-right-transfer.bpmn", bytes(land
			.replace("name=\"procedureCode\" value=\"1.013831\"", "name=\"procedureCode\" value=\"13831\"")
			.replaceAll("name=\"legalBasis\" value=\"[^\"]*\"", "name=\"legalBasis\" value=\"x\"")
			.replace("name=\"legalWorkingDays\" value=\"8\"", "name=\"legalWorkingDays\" value=\"8,3\"")));
		assertThat(refusals(files)).containsExactlyInAnyOrder(
				"processes/land-use-right-transfer.bpmn, phần tử 'land-use-right-transfer': mã thủ tục hành chính '13831' không đúng "
						+ "định dạng của Cơ sở dữ liệu quốc gia về TTHC (ví dụ 1.013831 hoặc 1.013831.H19); nếu chưa có mã, ghi «chưa xác định»",
				"processes/land-use-right-transfer.bpmn, phần tử 'land-use-right-transfer': căn cứ pháp lý 'x' quá ngắn: "
						+ "ghi số hiệu văn bản, ví dụ «Nghị định 101/2024/NĐ-CP»",
				"processes/land-use-right-transfer.bpmn, phần tử 'land-use-right-transfer': tổng thời hạn giải quyết '8,3' không phải "
						+ "số ngày làm việc dương, bội số của 0,25 (ví dụ 3 hoặc 1.5)");
	}

	@Test
	void theLegalTotalIsWrittenOnceInTheCatalogueNotOnTheRegisterStep() throws IOException {
		Map<String, byte[]> files = repository();
		String birth = new String(files.get("processes/birth-registration.bpmn"), StandardCharsets.UTF_8);
		files.put("processes/birth-registration.bpmn", bytes(birth.replace(
				"<camunda:inputParameter name=\"sameDay\">",
				"<camunda:inputParameter name=\"legalWorkingDays\">${3}</camunda:inputParameter><camunda:inputParameter name=\"sameDay\">")));
		assertThat(refusals(files)).singleElement()
			.asString()
			.startsWith("processes/birth-registration.bpmn, phần tử 'Task_RegisterDossier': tổng thời hạn giải quyết không còn ghi ở bước cấp mã hồ sơ");
	}

	@Test
	void aProcedureCodeNotYetKnownIsAWarning() throws IOException {
		List<Finding> findings = contract().check(repository());
		assertThat(findings).filteredOn(f -> f.severity() == Severity.WARNING)
			.extracting(Finding::toString)
			.contains("processes/construction-permit.bpmn, phần tử 'construction-permit': mã thủ tục hành chính (procedureCode) "
					+ "chưa xác định: đối chiếu Cơ sở dữ liệu quốc gia về TTHC và cập nhật");
	}

	@Test
	void aStepWhoseRefusalNobodyCatchesIsRefused() throws IOException {
		Map<String, byte[]> files = repository();
		String construction = new String(files.get("processes/construction-permit.bpmn"), StandardCharsets.UTF_8);
		files.put("processes/construction-permit.bpmn", bytes(construction
			.replaceAll("(?s)<bpmn:boundaryEvent id=\"BoundaryEvent_DossierRefused\".*?</bpmn:boundaryEvent>", "")
			.replaceAll("<bpmn:sequenceFlow id=\"Flow_ToRefuseDossier\"[^>]*/>", "")
			.replaceAll("(?s)<bpmndi:BPMNEdge id=\"Flow_ToRefuseDossier_di\".*?</bpmndi:BPMNEdge>", "")
			.replaceAll("(?s)<bpmndi:BPMNShape id=\"BoundaryEvent_DossierRefused_di\".*?</bpmndi:BPMNShape>", "")));
		assertThat(refusals(files)).contains(
				"processes/construction-permit.bpmn, phần tử 'CallActivity_DecidePermit': bước liên thông không có sự kiện biên bắt lỗi "
						+ "DOSSIER_REFUSED (từ chối), trên chính bước hoặc trên tiến trình con bao quanh: mô hình phải chỉ rõ việc từ chối dẫn tới đâu");
	}

	private Map<String, byte[]> repository() throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		read(Path.of("processes"), ".bpmn", files);
		read(Path.of("forms"), ".form", files);
		return files;
	}

	private List<String> refusals(Map<String, byte[]> files) {
		return contract().check(files)
			.stream()
			.filter(f -> f.severity() == Severity.REFUSAL)
			.map(Finding::toString)
			.toList();
	}

	private ProcedureContract contract() {
		List<Organisation> organisations = new ArrayList<>();
		try {
			for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:organisation/*.yaml")) {
				organisations.add(Organisation.read(resource));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return new ProcedureContract(this.context, organisations, this.messages);
	}

	private static void read(Path dir, String suffix, Map<String, byte[]> into) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
				into.put(dir.getFileName() + "/" + file.getFileName(), Files.readAllBytes(file));
			}
		}
	}

	static String model(String process) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
				""" + process + "</bpmn:definitions>\n";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

package vn.motcua.system;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:deployer;DB_CLOSE_DELAY=-1;MODE=LEGACY",
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true" })
class ModelDeployerTest {

	@Autowired
	ModelDeployer deployer;

	@Test
	void malformedXmlNamesTheFile() {
		assertThatThrownBy(() -> this.deployer.deploy(Map.of("processes/broken.bpmn", bytes("<bpmn:definitions"))))
			.isInstanceOf(ModelDeployer.InvalidModelException.class)
			.hasMessageStartingWith("Triển khai bị từ chối, không có gì thay đổi (1 lỗi): processes/broken.bpmn: ");
	}

	@Test
	void anInvalidModelNamesTheFileTheLineAndTheElement() {
		String model = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
				  <bpmn:process id="bad-timer" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <bpmn:startEvent id="StartEvent_Timer">
				      <bpmn:timerEventDefinition id="TimerEventDefinition_Empty" />
				    </bpmn:startEvent>
				  </bpmn:process>
				</bpmn:definitions>
				""";
		assertThatThrownBy(() -> this.deployer.deploy(Map.of("processes/bad-timer.bpmn", bytes(model))))
			.isInstanceOf(ModelDeployer.InvalidModelException.class)
			.hasMessageContaining("processes/bad-timer.bpmn, phần tử 'StartEvent_Timer': bộ hẹn giờ phải dùng timeDate")
			.hasMessageContaining("processes/bad-timer.bpmn, phần tử 'StartEvent_Timer': quy trình không được bắt đầu bằng bộ hẹn giờ");
	}

	@Test
	void aFormWithoutIdIsRejected() {
		assertThatThrownBy(() -> this.deployer.deploy(Map.of("forms/nameless.form", bytes("{\"components\":[]}"))))
			.isInstanceOf(ModelDeployer.InvalidModelException.class)
			.hasMessageContaining("forms/nameless.form: biểu mẫu không có mã \"id\"");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

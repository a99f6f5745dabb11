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
			.hasMessageStartingWith("processes/broken.bpmn: ");
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
			.hasMessageContaining("processes/bad-timer.bpmn")
			.hasMessageContaining("line ")
			.hasMessageContaining("StartEvent_Timer");
	}

	@Test
	void aFormWithoutIdIsRejected() {
		assertThatThrownBy(() -> this.deployer.deploy(Map.of("forms/nameless.form", bytes("{\"components\":[]}"))))
			.isInstanceOf(ModelDeployer.InvalidModelException.class)
			.hasMessage("forms/nameless.form: the form has no \"id\"");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}

package vn.motcua.gate;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

// The REST API resolves the engine named "default", so the context keeps that name and is closed after the class.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:gate;DB_CLOSE_DELAY=-1;MODE=LEGACY",
				"camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class H2EngineBoundaryTest extends EngineBoundaryTest {

}

package vn.motcua.reports;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * {@link ConcurrentLifecyclesTest} on PostgreSQL, when {@code -Dmotcua.test.postgres=true}; the
 * database is {@code motcua_test} (CI) unless {@code -Dmotcua.test.postgres.db=…}.
 */
@EnabledIfSystemProperty(named = "motcua.test.postgres", matches = "true")
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${motcua.test.postgres.db:motcua_test}?reWriteBatchedInserts=true",
		"spring.datasource.username=postgres", "spring.datasource.password=",
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true" })
@DirtiesContext
class PostgresConcurrentLifecyclesTest extends ConcurrentLifecyclesTest {

}

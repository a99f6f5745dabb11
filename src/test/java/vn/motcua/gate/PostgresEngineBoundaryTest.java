package vn.motcua.gate;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine boundary on PostgreSQL. Runs with {@code -Dmotcua.test.postgres=true} on the database
 * {@code motcua_test} (CI), or another one named by {@code -Dmotcua.test.postgres.db}.
 */
@EnabledIfSystemProperty(named = "motcua.test.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "MOTCUA_DB_NAME=${motcua.test.postgres.db:motcua_test}", "camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class PostgresEngineBoundaryTest extends EngineBoundaryTest {

}

package vn.motcua.system;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The smoke test against a real PostgreSQL through the {@code postgres} profile. Runs when
 * {@code -Dmotcua.test.postgres=true} (CI creates the database {@code motcua_test} first).
 */
@EnabledIfSystemProperty(named = "motcua.test.postgres", matches = "true")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "MOTCUA_DB_NAME=motcua_test", "camunda.bpm.job-execution.enabled=false" })
@DirtiesContext
class PostgresPlatformSmokeTest extends PlatformSmokeTest {

}

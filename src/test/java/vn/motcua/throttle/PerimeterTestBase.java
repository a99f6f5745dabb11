package vn.motcua.throttle;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole application on a random port (H2 in memory, job executor off) with the throttles on a
 * clock the test moves. Each test plays its clients from loopback addresses of its own. On a fresh
 * PostgreSQL database: {@code -Dmotcua.test.postgres.perimeter=jdbc:postgresql://…/db
 * -Dmotcua.test.postgres.user=postgres}.
 */
// The REST API resolves the engine named "default", so the context keeps that name and is closed after the class.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.datasource.url=${motcua.test.postgres.perimeter:jdbc:h2:mem:perimeter;DB_CLOSE_DELAY=-1;MODE=LEGACY}",
				"spring.datasource.username=${motcua.test.postgres.user:sa}", "camunda.bpm.job-execution.enabled=false" })
@Import(PerimeterTestBase.Clocks.class)
@DirtiesContext
public abstract class PerimeterTestBase {

	@LocalServerPort
	protected int port;

	/** The throttles' time (not a {@code Clock} bean, which would compete with the application's). */
	protected static final MovableClock CLOCK = new MovableClock();

	protected ClientHttp from(String address) {
		return new ClientHttp(address, this.port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		ThrottleClock movableThrottleClock() {
			return new ThrottleClock(CLOCK);
		}

	}

}

package vn.motcua.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AuditChainTest} on PostgreSQL ({@code -Dmotcua.test.postgres=true}), in a database of its
 * own ({@code motcua_audit_chain} at 127.0.0.1:5432, user postgres), created afresh for the run.
 */
@EnabledIfSystemProperty(named = "motcua.test.postgres", matches = "true")
class PostgresAuditChainTest extends AuditChainTest {

	static final String DATABASE = "motcua_audit_chain";

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) throws SQLException {
		String host = System.getProperty("motcua.test.postgres.host", "127.0.0.1:5432");
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + "/postgres", "postgres", "");
				Statement s = c.createStatement()) {
			s.execute("drop database if exists " + DATABASE);
			s.execute("create database " + DATABASE);
		}
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://" + host + "/" + DATABASE);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

}

package vn.motcua.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * An answered write survives a kill of the process. H2 keeps committed changes in memory for up
 * to {@code WRITE_DELAY} ms (500 by default) before writing them to the file; with 0, every commit
 * writes its changes to the file before the commit returns (H2 2.3 MVStore: auto-commit delay 0
 * means {@code MVStore.commit()} at the end of each transaction). The JDBC URL of the embedded
 * default says so; this check makes it hold whatever URL an operator configures. On PostgreSQL
 * every connection runs with {@code synchronous_commit = on} (see {@code application-postgres.yaml});
 * a server or role that turns it off is reported at startup.
 */
@Component
class DurableCommits implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

	private final DataSource dataSource;

	DurableCommits(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterPropertiesSet() throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			String product = connection.getMetaData().getDatabaseProductName();
			String url = connection.getMetaData().getURL();
			if ("H2".equals(product) && !url.startsWith("jdbc:h2:mem:")) {
				if (!"0".equals(value(sql, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'"))) {
					sql.execute("SET WRITE_DELAY 0");
					log.info("H2 {}: WRITE_DELAY set to 0, every commit is written to the file before it returns", url);
				}
			}
			else if ("PostgreSQL".equals(product)) {
				String mode = value(sql, "SHOW synchronous_commit");
				if (!"on".equals(mode) && !"remote_apply".equals(mode) && !"remote_write".equals(mode)) {
					log.warn("PostgreSQL synchronous_commit is '{}': a crash may lose answered writes; set it to on", mode);
				}
			}
		}
	}

	private static String value(Statement sql, String query) throws SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

}

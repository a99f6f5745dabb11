package vn.motcua.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster initialise the shared database one at a time. On PostgreSQL a node takes a
 * session-level advisory lock before the process engine is built and keeps it until the
 * application is ready, so the engine's schema creation ({@code schema-update}), Motcua's
 * identities and Tasklist filters ({@code IdentitySetup}) and the comparison and deployment of
 * the models ({@link ModelDeployer}) of one node are finished and committed before the next node
 * looks: nodes started together create the schema once, the groups and filters once and one
 * deployment. The lock belongs to the database session, so a node killed during startup releases
 * it with its connection. Embedded H2 (one node) takes no lock.
 */
@Component
class ClusterStartupLock implements BeanPostProcessor, SmartApplicationListener, DisposableBean {

	/** The advisory lock key: "Motcua" in ASCII. */
	static final long KEY = 0x4d6f74637561L;

	private static final Logger log = LoggerFactory.getLogger(ClusterStartupLock.class);

	private final ObjectProvider<DataSource> dataSource;

	private final Duration timeout;

	private Connection held;

	private boolean tried;

	ClusterStartupLock(ObjectProvider<DataSource> dataSource,
			@Value("${motcua.cluster.startup-lock-timeout:PT10M}") Duration timeout) {
		this.dataSource = dataSource;
		this.timeout = timeout;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof ProcessEngineConfiguration) {
			acquire();
		}
		return bean;
	}

	synchronized void acquire() {
		if (this.tried) {
			return;
		}
		this.tried = true;
		Connection connection = null;
		try {
			connection = this.dataSource.getObject().getConnection();
			if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
				connection.close();
				return;
			}
			connection.setAutoCommit(true);
			long deadline = System.nanoTime() + this.timeout.toNanos();
			long nextLog = 0;
			while (!tryLock(connection)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Another node has been starting for more than " + this.timeout
							+ " (PostgreSQL advisory lock " + KEY + "); motcua.cluster.startup-lock-timeout");
				}
				if (System.nanoTime() > nextLog) {
					log.info("Waiting for another node to finish its startup (schema, identities, deployment)");
					nextLog = System.nanoTime() + Duration.ofSeconds(10).toNanos();
				}
				Thread.sleep(500);
			}
			this.held = connection;
			log.info("Startup lock taken: this node initialises the database alone until it is ready");
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			throw new IllegalStateException("Cannot take the cluster startup lock: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			closeQuietly(connection);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the cluster startup lock", ex);
		}
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
			lock.setLong(1, KEY);
			try (ResultSet rs = lock.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	synchronized void release() {
		Connection connection = this.held;
		this.held = null;
		if (connection == null) {
			return;
		}
		try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
			unlock.setLong(1, KEY);
			unlock.execute();
			log.info("Startup lock released");
		}
		catch (SQLException ex) {
			log.warn("Could not release the startup lock, closing its connection: {}", ex.getMessage());
		}
		finally {
			closeQuietly(connection);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// the session ends and PostgreSQL releases its advisory locks
			}
		}
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
		return ApplicationReadyEvent.class.isAssignableFrom(type) || ApplicationFailedEvent.class.isAssignableFrom(type)
				|| ContextClosedEvent.class.isAssignableFrom(type);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		release();
	}

	/** Also when the context fails to start: its beans are destroyed, the lock must not outlive them. */
	@Override
	public void destroy() {
		release();
	}

	/** After every other listener of the ready event (the code counters' reseed among them). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

package vn.motcua.system;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Deploys the models once the organisation's identities exist; a broken model stops startup. */
@Component
@Order(100)
class StartupDeployment implements ApplicationRunner {

	private final ModelDeployer deployer;

	StartupDeployment(ModelDeployer deployer) {
		this.deployer = deployer;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.deployer.deployModels();
	}

}

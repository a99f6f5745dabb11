package vn.motcua.organisation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrganisationConfiguration {

	@Bean
	Organisation organisation(OrganisationProperties properties) {
		if (properties.file() == null || !properties.file().exists()) {
			throw new OrganisationFileException("Organisation file "
					+ (properties.file() == null ? "(motcua.organisation.file not set)" : properties.file().getDescription())
					+ " does not exist");
		}
		return Organisation.read(properties.file());
	}

}

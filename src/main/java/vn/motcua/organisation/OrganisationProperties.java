package vn.motcua.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the organisation file is and whether demo accounts are created.
 *
 * @param file the organisation file (classpath: or file:)
 * @param demoAccounts create one officer and one supervisor per unit, an auditor, a designer and an admin
 * @param demoPassword the password of every demo account
 */
@ConfigurationProperties("motcua.organisation")
record OrganisationProperties(Resource file, boolean demoAccounts, String demoPassword) {
}

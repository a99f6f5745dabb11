package vn.motcua.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the flags.
 *
 * @param lateRateThreshold a unit is flagged when its late rate reaches this share (0.05 = 5 %)
 * @param lateOfficialThreshold an official is flagged after causing this many late dossiers in a
 * calendar year
 */
@ConfigurationProperties("motcua.reports")
record ReportProperties(Double lateRateThreshold, Integer lateOfficialThreshold) {

	ReportProperties {
		lateRateThreshold = lateRateThreshold == null ? 0.05 : lateRateThreshold;
		lateOfficialThreshold = lateOfficialThreshold == null ? 3 : lateOfficialThreshold;
	}

}

package vn.motcua.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.reports.Report.Grouping;

/**
 * The parameters every report URL takes: {@code period} or {@code from}/{@code to}, {@code scope},
 * {@code by}; resolved against what the user may see.
 */
record ReportRequest(Period period, Scope scope, Grouping by, Set<String> units) {

	static ReportRequest of(String period, String from, String to, String scope, String by,
			Authentication authentication, ReportAccess access, LocalDate today) {
		Set<String> visible = access.visibleUnits(authentication);
		Scope s = scope == null || scope.isBlank() ? access.defaultScope(authentication) : Scope.parse(scope);
		return new ReportRequest(Period.parse(period, from, to, today), s, Grouping.parse(by), access.units(s, visible));
	}

	/** Query parameters that reproduce this request. */
	Map<String, String> params() {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("from", this.period.from().toString());
		params.put("to", this.period.to().toString());
		params.put("scope", this.scope.toString());
		params.put("by", this.by.param());
		return params;
	}

	String url(String path, Map<String, String> extra) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		params().forEach(uri::queryParam);
		extra.forEach((k, v) -> {
			if (v != null) {
				uri.queryParam(k, v);
			}
		});
		return uri.encode().build().toUriString();
	}

}

package vn.motcua.audit;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Search criteria of {@code /audit} (request parameters). Status: {@code in-progress},
 * {@code returned}, {@code refused}; timeliness: {@code early}, {@code on-time}, {@code late},
 * {@code overdue} (open and past the appointment in force now).
 */
record DossierSearch(String code, String procedure, String receivingUnit, String handlingUnit,
		@DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate from, @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate to,
		String status, String timeliness, String sort, String dir, Integer page, Integer size) {

	static final List<String> SORTS = List.of("received", "code", "procedure", "due", "finished");

	static final List<String> STATUSES = List.of("in-progress", "returned", "refused", "stopped");

	static final List<String> TIMELINESS = List.of("early", "on-time", "late", "overdue");

	static DossierSearch empty() {
		return new DossierSearch(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	String sortKey() {
		return this.sort != null && SORTS.contains(this.sort) ? this.sort : "received";
	}

	boolean ascending() {
		return "asc".equalsIgnoreCase(this.dir);
	}

	int pageNumber() {
		return this.page == null || this.page < 1 ? 1 : this.page;
	}

	int pageSize() {
		return this.size == null || this.size < 1 ? 20 : Math.min(this.size, 200);
	}

	DossierSearch withPage(int p) {
		return new DossierSearch(this.code, this.procedure, this.receivingUnit, this.handlingUnit, this.from, this.to,
				this.status, this.timeliness, this.sort, this.dir, p, this.size);
	}

	DossierSearch withSort(String s, String d) {
		return new DossierSearch(this.code, this.procedure, this.receivingUnit, this.handlingUnit, this.from, this.to,
				this.status, this.timeliness, s, d, 1, this.size);
	}

}

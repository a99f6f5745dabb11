package vn.motcua.procedure;

import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine clock one minute past a due date, as a job executor would find it. */
final class ClockUtilHelper {

	private ClockUtilHelper() {
	}

	static void after(Date due) {
		ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
	}

}

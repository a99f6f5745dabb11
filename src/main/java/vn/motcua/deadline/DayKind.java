package vn.motcua.deadline;

import java.util.Arrays;

/** What a day listed in a year's schedule is. Every kind but {@link #MAKE_UP} is a day off. */
enum DayKind {

	/** A public holiday of the Labour Code or added by law (ngày lễ, Tết). */
	HOLIDAY("holiday"),

	/** A compensatory day off for a holiday falling on a weekly rest day (nghỉ bù). */
	COMPENSATORY("compensatory"),

	/** A working day swapped into a day off by the yearly notice (nghỉ hoán đổi). */
	DAY_OFF("day-off"),

	/** A weekend day worked to make up for a swapped day off (làm bù). */
	MAKE_UP("make-up");

	private final String code;

	DayKind(String code) {
		this.code = code;
	}

	/** The name used in year files and the API. */
	String code() {
		return code;
	}

	boolean isDayOff() {
		return this != MAKE_UP;
	}

	static DayKind fromCode(String code) {
		for (DayKind kind : values()) {
			if (kind.code.equals(code)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown kind '" + code + "', expected one of "
				+ Arrays.stream(values()).map(DayKind::code).toList());
	}

}

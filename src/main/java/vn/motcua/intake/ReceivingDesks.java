package vn.motcua.intake;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

import vn.motcua.organisation.Organisation;
import vn.motcua.organisation.Unit;
import vn.motcua.procedure.DossierVariables;

/**
 * The desk that receives a dossier, from the authenticated official's memberships: an official of
 * one desk receives there; an official of several desks may choose one of their own with
 * {@code receivingUnit}; nobody receives for a unit they do not belong to. The same rule for
 * Tasklist, {@code /engine-rest} and {@code POST /api/dossiers}.
 */
@Component
public class ReceivingDesks {

	private final Organisation organisation;

	ReceivingDesks(Organisation organisation) {
		this.organisation = organisation;
	}

	/** The desks whose officers or supervisors groups are among {@code groupIds}. */
	public List<Unit> of(Collection<String> groupIds) {
		return this.organisation.desks()
			.stream()
			.filter(u -> groupIds.contains(u.officersGroup()) || groupIds.contains(u.supervisorsGroup()))
			.toList();
	}

	/**
	 * The receiving desk for an official with these groups who asked for {@code requested} (blank:
	 * their first desk).
	 * @throws Refused when the official belongs to no desk, or asked for a unit not theirs
	 */
	public Unit choose(String userId, Collection<String> groupIds, String requested) {
		List<Unit> own = of(groupIds);
		if (own.isEmpty()) {
			throw new Refused(true, "Người dùng " + userId
					+ " không thuộc bộ phận tiếp nhận và trả kết quả nào, không được tiếp nhận hồ sơ.");
		}
		if (requested == null || requested.isBlank()) {
			return own.get(0);
		}
		String code = requested.strip();
		return own.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow(() -> {
			Unit unit = this.organisation.find(code).orElse(null);
			if (unit == null) {
				return new Refused(false, "Trường «" + DossierVariables.RECEIVING_UNIT + "»: không có đơn vị mã '"
						+ (code.length() > 40 ? code.substring(0, 40) + "…" : code) + "'.");
			}
			if (!unit.handles("desk")) {
				return new Refused(false, "Trường «" + DossierVariables.RECEIVING_UNIT + "»: " + unit.name()
						+ " không có bộ phận tiếp nhận hồ sơ.");
			}
			return new Refused(true, "Trường «" + DossierVariables.RECEIVING_UNIT + "»: người dùng " + userId
					+ " không thuộc bộ phận tiếp nhận của " + unit.name() + "; chỉ được chọn "
					+ own.stream().map(Unit::name).collect(Collectors.joining(", ")) + ".");
		});
	}

	/** A receiving unit the official may not use; {@code forbidden} when it is someone else's unit. */
	public static class Refused extends BadUserRequestException {

		private final boolean forbidden;

		Refused(boolean forbidden, String message) {
			super(message);
			this.forbidden = forbidden;
		}

		public boolean forbidden() {
			return this.forbidden;
		}

	}

}

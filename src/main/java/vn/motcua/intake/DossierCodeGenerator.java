package vn.motcua.intake;

import java.util.Date;

import vn.motcua.organisation.Unit;

/**
 * Assigns dossier codes (mã hồ sơ). Behind an interface because Circular 03/2025/TT-VPCP may
 * change the format of Circular 01/2018 Art. 19. A code, once returned, is never returned again,
 * whether or not the caller's transaction commits.
 */
interface DossierCodeGenerator {

	String next(Unit receivingUnit, Date receivedAt);

}

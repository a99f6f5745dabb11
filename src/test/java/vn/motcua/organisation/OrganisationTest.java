package vn.motcua.organisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationTest {

	static final Organisation THREE_TIER = Organisation.read(new ClassPathResource("organisation/three-tier-demo.yaml"));

	static final Organisation TWO_TIER = Organisation.read(new ClassPathResource("organisation/two-tier-example.yaml"));

	@Test
	void demoOrganisationHasTheRequiredUnits() {
		assertThat(THREE_TIER.units()).filteredOn(u -> u.level().equals("district")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(THREE_TIER.units()).filteredOn(u -> u.level().equals("commune")).hasSizeGreaterThanOrEqualTo(4);
		assertThat(THREE_TIER.units()).filteredOn(u -> u.level().equals("department")).hasSizeGreaterThanOrEqualTo(3);
		assertThat(THREE_TIER.units()).filteredOn(u -> u.level().equals("vertical"))
			.extracting(u -> u.functions().get(0))
			.contains("residence", "tax", "health-insurance");
		assertThat(TWO_TIER.levels()).extracting(Level::id).doesNotContain("district");
	}

	@ParameterizedTest(name = "three-tier: {0} for a dossier received at {1} goes to {2}")
	@CsvSource({ "desk, xa-an-binh, xa-an-binh", "civil-status, phuong-tan-an, phuong-tan-an",
			"residence, xa-an-binh, ca-xa-an-binh", "residence, xa-my-loc, ca-xa-my-loc",
			"construction-appraisal, xa-hoa-phu, huyen-bac-son", "construction-appraisal, xa-my-loc, huyen-nam-son",
			"construction-permit, xa-an-binh, so-xay-dung", "land-registration, xa-an-binh, cn-vpdkdd-bac-son",
			"land-registration, phuong-tan-an, cn-vpdkdd-nam-son", "tax, xa-an-binh, thue-tinh",
			"health-insurance, xa-hoa-phu, bhxh-bac-son", "funeral-allowance, xa-my-loc, bhxh-nam-son" })
	void routesByFunctionOnTheThreeTierModel(String function, String receiving, String expected) {
		assertThat(THREE_TIER.handlerOf(function, receiving).code()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "two-tier: {0} for a dossier received at {1} goes to {2}")
	@CsvSource({ "construction-appraisal, xa-dong-tam, xa-dong-tam", "construction-permit, phuong-song-cau, so-xay-dung",
			"land-registration, xa-dong-tam, cn-vpdkdd-khu-vuc-1", "residence, phuong-song-cau, ca-phuong-song-cau",
			"health-insurance, xa-dong-tam, bhxh-co-so-1" })
	void routesByFunctionOnTheTwoTierModel(String function, String receiving, String expected) {
		assertThat(TWO_TIER.handlerOf(function, receiving).code()).isEqualTo(expected);
	}

	@Test
	void handOffsFollowTheLevelsOfTheFile() {
		assertThat(THREE_TIER.mayHandOff(THREE_TIER.unit("xa-an-binh"), THREE_TIER.unit("huyen-bac-son"))).isTrue();
		assertThat(THREE_TIER.mayHandOff(THREE_TIER.unit("huyen-bac-son"), THREE_TIER.unit("so-xay-dung"))).isTrue();
	}

	@Test
	void unknownUnitsAndFunctionsAreClearErrors() {
		assertThatThrownBy(() -> THREE_TIER.unit("xa-khong-co")).isInstanceOf(UnknownUnitException.class)
			.hasMessageContaining("xa-khong-co");
		assertThatThrownBy(() -> THREE_TIER.handlerOf("fishing-licence", "xa-an-binh"))
			.isInstanceOf(UnknownUnitException.class)
			.hasMessageContaining("fishing-licence")
			.hasMessageContaining("UBND xã An Bình");
	}

	@Test
	void anInconsistentFileIsRejectedWithEveryProblemNamed() {
		assertThatThrownBy(() -> Organisation.read(new ClassPathResource("organisation/broken/unknown-parent.yaml")))
			.isInstanceOf(OrganisationFileException.class)
			.hasMessageContaining("unknown-parent.yaml")
			.hasMessageContaining("unknown parent 'huyen-khong-co'")
			.hasMessageContaining("unknown level 'hamlet'")
			.hasMessageContaining("agencyCode '000.01.00.H00' of unit 'xa-b' is used twice");
	}

	@Test
	void aMalformedFileNamesTheLine() {
		assertThatThrownBy(() -> Organisation.read(new ClassPathResource("organisation/broken/not-yaml.yaml")))
			.isInstanceOf(OrganisationFileException.class)
			.hasMessageContaining("not-yaml.yaml")
			.hasMessageContaining("malformed (line");
	}

}

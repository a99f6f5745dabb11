package vn.motcua.reports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bar chart's labels fit left of the bars; the whole label stays in the tooltip. */
class ChartsTests {

	@Test
	void aLongLabelIsCutToFitAndAShortOneIsKept() {
		String procedure = "Liên thông: đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ dưới 6 tuổi";
		Charts.Bar cut = new Charts.Bar(procedure, 0, 100, "95,0 %", false);
		assertThat(cut.shortLabel()).hasSizeLessThanOrEqualTo(Charts.LABEL_CHARS)
			.endsWith("…")
			.startsWith("Liên thông: đăng ký khai sinh");
		assertThat(new Charts.Bar("UBND xã An Bình", 0, 100, "95,0 %", false).shortLabel())
			.isEqualTo("UBND xã An Bình");
	}

}

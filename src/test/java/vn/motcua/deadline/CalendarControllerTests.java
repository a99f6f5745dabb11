package vn.motcua.deadline;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = { CalendarApiController.class, CalendarPageController.class })
@AutoConfigureMockMvc(addFilters = false)
@Import({ CalendarConfiguration.class, LegalCalendar.class, CalendarTexts.class })
class CalendarControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void deadlineAcrossTet() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("start", "2026-02-13T10:00").param("workingDays", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.start").value("2026-02-13T10:00:00"))
			.andExpect(jsonPath("$.effectiveStart").value("2026-02-13T10:00:00"))
			.andExpect(jsonPath("$.due").value("2026-02-23T10:00:00"))
			.andExpect(jsonPath("$.workingDays").value(1.0))
			.andExpect(jsonPath("$.provisional").value(false))
			.andExpect(jsonPath("$.dueText").value("10:00 thứ Hai, 23/02/2026"));
	}

	@Test
	void sameDayAfterCutOffInAProvisionalYear() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("start", "2027-02-04T15:30")
			.param("workingDays", "0.5")
			.param("sameDay", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.effectiveStart").value("2027-02-12T07:30:00"))
			.andExpect(jsonPath("$.due").value("2027-02-12T11:30:00"))
			.andExpect(jsonPath("$.provisional").value(true));
	}

	@Test
	void startDefaultsToNow() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("workingDays", "0"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.due").exists());
	}

	@Test
	void badParametersGive400InVietnamese() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("start", "2026-02-13T10:00").param("workingDays", "0.3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("Số ngày làm việc không hợp lệ")));
		mvc.perform(get("/api/calendar/deadline").param("start", "13/02/2026").param("workingDays", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("Thời điểm tiếp nhận không hợp lệ")));
		mvc.perform(get("/api/calendar/deadline"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("Thiếu tham số «workingDays»."));
		mvc.perform(get("/api/calendar/days").param("year", "abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("Tham số «year» có giá trị không hợp lệ: «abc»."));
	}

	@Test
	void englishOnRequest() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("workingDays", "-1").param("lang", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("Invalid number of working days")));
	}

	@Test
	void officialDays() throws Exception {
		mvc.perform(get("/api/calendar/days").param("year", "2026"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provisional").value(false))
			.andExpect(jsonPath("$.days[?(@.date == '2026-04-27')].kind").value("compensatory"))
			.andExpect(jsonPath("$.days[?(@.date == '2026-08-22')].kind").value("make-up"))
			.andExpect(jsonPath("$.days[?(@.date == '2026-11-24')].reason").value("Ngày Văn hóa Việt Nam"));
	}

	@Test
	void provisionalDays() throws Exception {
		mvc.perform(get("/api/calendar/days").param("year", "2027"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provisional").value(true))
			.andExpect(jsonPath("$.days[?(@.date == '2027-02-06')].reason").value("Tết Nguyên đán (mùng 1)"))
			.andExpect(jsonPath("$.days[?(@.date == '2027-05-03')].reason").value("Nghỉ bù cho ngày lễ 01/05/2027"));
	}

	@Test
	void deskPage() throws Exception {
		mvc.perform(get("/calendar").param("month", "2026-02")
			.param("start", "2026-02-13T10:00")
			.param("workingDays", "1"))
			.andExpect(status().isOk())
			.andExpect(view().name(CalendarPageController.VIEW))
			.andExpect(content().string(containsString("Nếu tiếp nhận bây giờ, khi nào đến hạn?")))
			.andExpect(content().string(containsString("10:00 thứ Hai, 23/02/2026")))
			.andExpect(content().string(containsString("Tết Nguyên đán (mùng 1)")))
			.andExpect(content().string(containsString("month=2026-03")));
	}

	@Test
	void deskPageMarksProvisionalYears() throws Exception {
		mvc.perform(get("/calendar").param("month", "2027-02"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tạm tính: năm 2027 chưa có thông báo chính thức")));
		mvc.perform(get("/calendar").param("month", "2026-13"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tháng không hợp lệ")));
	}

}

package vn.motcua.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Entry pages of capabilities whose own issues are still open: the citizen lookup. */
@Controller
class PlaceholderController {

	@GetMapping("/tra-cuu")
	String lookup(@RequestParam(required = false) String code, Model model) {
		model.addAttribute("code", code);
		return "portal/lookup";
	}

}

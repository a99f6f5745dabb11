package vn.motcua.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.motcua.organisation.Organisation;

@Controller
class HomeController {

	private final Organisation organisation;

	HomeController(Organisation organisation) {
		this.organisation = organisation;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("province", this.organisation.name());
		return "home";
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

}

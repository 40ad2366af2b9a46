package nl.knooppunt.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The Dutch login page, and the current path for the navigation of every page (aria-current). */
@Controller
@ControllerAdvice
class LoginPagina {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @ModelAttribute("huidigPad")
    String huidigPad(HttpServletRequest request) {
        return request.getRequestURI();
    }
}

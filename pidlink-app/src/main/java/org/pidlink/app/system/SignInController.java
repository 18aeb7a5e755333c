package org.pidlink.app.system;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The sign-in page, and the page that explains a failed sign-in. */
@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn() {
        return "system/signin";
    }

    @GetMapping("/signin/failed")
    String failed(@RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        SignInFailure failure = SignInFailure.fromCode(reason);
        response.setStatus(switch (failure) {
            case DENIED -> HttpStatus.OK.value();
            case UNAVAILABLE -> HttpStatus.BAD_GATEWAY.value();
            case BUSY -> HttpStatus.TOO_MANY_REQUESTS.value();
            default -> HttpStatus.BAD_REQUEST.value();
        });
        model.addAttribute("failure", failure);
        return "system/signin-failed";
    }
}

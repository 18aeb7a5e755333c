package org.pidlink.app.apidocs;

import java.util.Arrays;

import org.pidlink.app.system.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** {@code /problems/{slug}}: what a problem {@code type} of the REST API means, for people who follow the link. */
@Controller
class ProblemTypesController {

    @GetMapping("/problems/{slug}")
    String problem(@PathVariable String slug, Model model) {
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "pidlink's API has no problem type '" + slug + "'."));
        model.addAttribute("problem", type);
        return "apidocs/problem";
    }
}

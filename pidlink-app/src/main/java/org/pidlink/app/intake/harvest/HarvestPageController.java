package org.pidlink.app.intake.harvest;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/harvest}: the DataCite harvest's latest runs and how far the running one has come. */
@Controller
class HarvestPageController {

    private static final int LISTED = 20;

    private final ObjectProvider<DataCiteHarvester> harvester;

    HarvestPageController(ObjectProvider<DataCiteHarvester> harvester) {
        this.harvester = harvester;
    }

    @GetMapping("/admin/harvest")
    String harvest(Model model) {
        DataCiteHarvester running = harvester.getIfAvailable();
        model.addAttribute("enabled", running != null);
        model.addAttribute("source", running == null ? null : running.baseUrl());
        model.addAttribute("runs", running == null ? List.of() : running.latestRuns(LISTED));
        return "intake/harvest";
    }
}

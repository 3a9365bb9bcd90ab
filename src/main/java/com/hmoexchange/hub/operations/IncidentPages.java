package com.hmoexchange.hub.operations;

import com.hmoexchange.hub.web.WebPage;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The operators' incidents: what is open now (with what to do), and the history of closed ones, 50 a page. */
@Controller
@WebPage
class IncidentPages {

    private final Incidents incidents;
    private final Clock clock;

    IncidentPages(Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @GetMapping("/operator/incidents")
    String incidents(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("open", incidents.open());
        model.addAttribute("history", incidents.history(page, 50));
        model.addAttribute("now", clock.instant());
        return "operator/incidents";
    }
}

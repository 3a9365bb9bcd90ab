package com.hmoexchange.hub.operations;

import com.hmoexchange.hub.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The operators' live dashboard; the page refreshes its tiles every 30 seconds (htmx, served by the hub). */
@Controller
@WebPage
class DashboardPages {

    private final Dashboard dashboard;

    DashboardPages(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/operator/dashboard")
    String dashboard(Model model) {
        fill(model);
        return "operator/dashboard";
    }

    /** The tiles alone, for the page's refresh. */
    @GetMapping("/operator/dashboard/tiles")
    String tiles(Model model) {
        fill(model);
        return "operator/dashboard :: tiles";
    }

    private void fill(Model model) {
        model.addAttribute("tiles", dashboard.tiles());
        model.addAttribute("hub", dashboard.hub());
    }
}

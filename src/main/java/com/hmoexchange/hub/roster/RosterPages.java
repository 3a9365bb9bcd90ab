package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The HMO's Members roster page: upload a CSV or 834, preview it, apply it; the files applied so far. */
@Controller
@WebPage
@RequestMapping("/hmo/roster")
class RosterPages {

    private final Rosters rosters;

    RosterPages(Rosters rosters) {
        this.rosters = rosters;
    }

    @GetMapping
    String page(@AuthenticationPrincipal HubUser user, Model model) {
        return show(user, null, FormErrors.none(), model);
    }

    /** The same form previews or applies ({@code action}); a refused apply shows the rows to fix, as the preview does. */
    @PostMapping
    String upload(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "preview") String action, Model model) throws IOException {
        FormErrors errors = FormErrors.none();
        if (file == null || file.isEmpty()) {
            errors.field("file", "Choose the roster file (CSV or X12 834).");
            return show(user, null, errors, model);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "roster" : file.getOriginalFilename();
        byte[] content = file.getBytes();
        long payerId = user.requireHmoPayerId();
        RosterReport report;
        if ("apply".equals(action)) {
            try {
                report = rosters.apply(payerId, name, content, user.getUsername());
            } catch (RosterRefused e) {
                report = e.report();
                errors.page(e.getMessage());
            }
        } else {
            report = rosters.preview(payerId, name, content);
        }
        return show(user, report, errors, model);
    }

    private String show(HubUser user, RosterReport report, FormErrors errors, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        model.addAttribute("files", rosters.files(user.requireHmoPayerId()));
        return "hmo/roster";
    }
}

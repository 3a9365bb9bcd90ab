package com.hmoexchange.hub.tariffs;

import com.hmoexchange.hub.organisations.Contract;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.web.Display;
import com.hmoexchange.hub.web.FormErrors;
import com.hmoexchange.hub.web.WebPage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The practice's Tariffs page: per contract, upload a CSV (preview or apply), the versions, and the current list as CSV. */
@Controller
@WebPage
@RequestMapping("/billing/tariffs")
class TariffPages {

    private final TariffUploads uploads;
    private final PayerRepository payers;

    TariffPages(TariffUploads uploads, PayerRepository payers) {
        this.uploads = uploads;
        this.payers = payers;
    }

    record ContractChoice(long id, String label) {
    }

    @GetMapping
    String page(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) Long contract, Model model) {
        return show(user, contract, null, FormErrors.none(), model);
    }

    @PostMapping
    String upload(@AuthenticationPrincipal HubUser user, @RequestParam long contract,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "preview") String action,
            Model model) throws IOException {
        FormErrors errors = FormErrors.none();
        if (file == null || file.isEmpty()) {
            errors.field("file", "Choose the tariff CSV file.");
            return show(user, contract, null, errors, model);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "tariff.csv" : file.getOriginalFilename();
        byte[] content = file.getBytes();
        TariffUploads.Report report;
        if ("apply".equals(action)) {
            try {
                report = uploads.apply(user, contract, name, content);
            } catch (TariffUploads.TariffRefused e) {
                report = e.report();
                errors.page(e.getMessage());
            }
        } else {
            report = uploads.preview(user, contract, content);
        }
        return show(user, contract, report, errors, model);
    }

    @GetMapping("/{contract}/current.csv")
    ResponseEntity<String> current(@AuthenticationPrincipal HubUser user, @PathVariable long contract) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tariff-contract-" + contract + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(uploads.currentCsv(user, contract));
    }

    private String show(HubUser user, Long contract, TariffUploads.Report report, FormErrors errors, Model model) {
        Map<Long, String> payerNames = payers.findAll().stream().collect(Collectors.toMap(Payer::getId, Payer::getName));
        List<Contract> contracts = uploads.contractsOf(user);
        Long selected = contract != null ? contract : contracts.isEmpty() ? null : contracts.get(0).getId();
        model.addAttribute("contracts", contracts.stream().map(c -> new ContractChoice(c.getId(), payerNames.get(c.getPayerId())
                + " (from " + Display.dayOf(c.getStartsOn())
                + (c.getEndsOn() == null ? "" : " to " + Display.dayOf(c.getEndsOn())) + ")"))
                .toList());
        model.addAttribute("selected", selected);
        model.addAttribute("versions", selected == null ? List.of() : uploads.history(user, selected));
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        return "billing/tariffs";
    }
}

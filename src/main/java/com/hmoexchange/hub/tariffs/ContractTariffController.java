package com.hmoexchange.hub.tariffs;

import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.organisations.Contract;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A contract's tariff: the practice reaches it under /api/tariffs/contracts, the HMO under
 * /api/hmo/tariffs/contracts; each sees only the contracts it is a side of.
 */
@RestController
@RequestMapping({"/api/tariffs/contracts", "/api/hmo/tariffs/contracts"})
@Tag(name = "Tariffs per contract", description = "Upload a contract's tariff as CSV (preview, then a new version), history, current price list")
class ContractTariffController {

    private final TariffUploads uploads;
    private final PayerRepository payers;
    private final ProviderRepository providers;

    ContractTariffController(TariffUploads uploads, PayerRepository payers, ProviderRepository providers) {
        this.uploads = uploads;
        this.payers = payers;
        this.providers = providers;
    }

    record ContractView(long id, String practice, String payer, LocalDate startsOn, LocalDate endsOn) {
    }

    @GetMapping
    @Operation(summary = "The contracts whose tariffs you may see: your practice's, or your HMO's")
    List<ContractView> contracts(@AuthenticationPrincipal HubUser user) {
        Map<Long, String> payerCodes = payers.findAll().stream().collect(Collectors.toMap(Payer::getId, Payer::getCode));
        Map<Long, String> practiceCodes = providers.findAll().stream().collect(Collectors.toMap(Provider::getId, Provider::getCode));
        return uploads.contractsOf(user).stream().map((Contract c) -> new ContractView(c.getId(),
                practiceCodes.get(c.getProviderId()), payerCodes.get(c.getPayerId()), c.getStartsOn(), c.getEndsOn())).toList();
    }

    @PostMapping(path = "/{contractId}/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "What the tariff file would be as the next version, and every row it refuses (saves nothing)")
    TariffUploads.Report preview(@AuthenticationPrincipal HubUser user, @PathVariable long contractId,
            @RequestPart("file") MultipartFile file) throws IOException {
        return uploads.preview(user, contractId, content(file));
    }

    @PostMapping(path = "/{contractId}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the tariff as a new version, taking effect from its earliest validFrom (409 tariff-refused lists rows to fix)")
    ResponseEntity<TariffUploads.Report> upload(@AuthenticationPrincipal HubUser user, @PathVariable long contractId,
            @RequestPart("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "tariff.csv" : file.getOriginalFilename();
        return ResponseEntity.status(201).body(uploads.apply(user, contractId, name, content(file)));
    }

    @GetMapping("/{contractId}/versions")
    @Operation(summary = "The contract's tariff versions, newest first, and which one governs today")
    List<TariffUploads.VersionView> history(@AuthenticationPrincipal HubUser user, @PathVariable long contractId) {
        return uploads.history(user, contractId);
    }

    @GetMapping("/{contractId}/versions/{number}")
    @Operation(summary = "The prices of one version")
    List<TariffUploads.Price> version(@AuthenticationPrincipal HubUser user, @PathVariable long contractId, @PathVariable int number) {
        return uploads.version(user, contractId, number);
    }

    @GetMapping(path = "/{contractId}/current.csv", produces = "text/csv")
    @Operation(summary = "Download the tariff governing today as CSV (the upload's columns)")
    ResponseEntity<String> current(@AuthenticationPrincipal HubUser user, @PathVariable long contractId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tariff-contract-" + contractId + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(uploads.currentCsv(user, contractId));
    }

    private static byte[] content(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInput("file", "The file is empty; choose the tariff CSV file.");
        }
        return file.getBytes();
    }
}

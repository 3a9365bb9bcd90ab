package com.hmoexchange.hub.tariffs;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tariffs")
@Tag(name = "Tariffs", description = "Prices the practice negotiated with each payer")
class TariffController {

    private final TariffRepository tariffs;
    private final PayerRepository payers;

    TariffController(TariffRepository tariffs, PayerRepository payers) {
        this.tariffs = tariffs;
        this.payers = payers;
    }

    record TariffView(String payer, String serviceCode, String description, BigDecimal unitPrice, String currency,
            LocalDate validFrom, LocalDate validTo) {
    }

    @GetMapping
    @Operation(summary = "The practice's tariffs, optionally for one payer")
    List<TariffView> list(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String payer) {
        long providerId = user.requireProviderId();
        Map<Long, String> payerCodes = payers.findAll().stream()
                .collect(Collectors.toMap(Payer::getId, Payer::getCode));
        List<Tariff> found;
        if (payer == null) {
            found = tariffs.findByProviderIdOrderByPayerIdAscServiceCodeAscValidFromAsc(providerId);
        } else {
            Payer selected = payers.findByCode(payer).orElseThrow(() -> new NotFoundException("Payer", payer));
            found = tariffs.findByProviderIdAndPayerIdOrderByServiceCodeAscValidFromAsc(providerId, selected.getId());
        }
        return found.stream()
                .map(t -> new TariffView(payerCodes.get(t.getPayerId()), t.getServiceCode(), t.getDescription(),
                        t.getUnitPrice(), t.getCurrency(), t.getValidFrom(), t.getValidTo()))
                .toList();
    }
}

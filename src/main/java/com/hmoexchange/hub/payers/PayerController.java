package com.hmoexchange.hub.payers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payers")
@Tag(name = "Payers", description = "HMOs and insurers, as configured under mappings/")
class PayerController {

    private final PayerRepository payers;

    PayerController(PayerRepository payers) {
        this.payers = payers;
    }

    record PayerView(String code, String name, Channel channel, ClaimFormat format, Set<AttachmentType> requiredAttachments,
            int staleAfterDays) {
    }

    @GetMapping
    @Operation(summary = "List the configured payers and what each requires with a claim")
    List<PayerView> list() {
        return payers.findAll(Sort.by("code")).stream()
                .map(p -> new PayerView(p.getCode(), p.getName(), p.getChannel(), p.getClaimFormat(),
                        p.getRequiredAttachments(), p.getStaleAfterDays()))
                .toList();
    }
}

package com.hmoexchange.hub.preauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the pre-authorisation tests share: a practice that can bill the services needing a code, and request bodies. */
final class PreAuthTestParts {

    static final String SURGERY_PRICE = "250000.00";

    private PreAuthTestParts() {
    }

    /** A practice with a billing address and an SURG-APP (appendicectomy) tariff with each payer named. */
    static Practice practice(Fixtures fixtures, ProviderRepository providers, String... payerCodes) {
        Practice practice = fixtures.practice();
        Provider provider = providers.findById(practice.provider().getId()).orElseThrow();
        provider.emailBillingAt(Fixtures.unique("billing").toLowerCase() + "@clinic.example");
        providers.save(provider);
        for (String payer : payerCodes.length == 0 ? new String[] {"acme-hmo"} : payerCodes) {
            fixtures.tariff(provider, fixtures.payer(payer), "SURG-APP", "Appendicectomy", SURGERY_PRICE,
                    LocalDate.now().minusYears(1), null);
        }
        return practice;
    }

    static Map<String, Object> body(Enrollee member, String urgency, Object... services) {
        return Map.of("enrolleeNumber", member.getEnrolleeNumber(), "urgency", urgency, "services", List.of(services),
                "diagnoses", List.of("K35.8"), "notes", "acute abdomen");
    }

    static Map<String, Object> service(String code, int quantity, String price) {
        return Map.of("code", code, "description", "Service " + code, "quantity", quantity, "unitPrice", price);
    }

    static JsonNode ask(Api api, Map<String, Object> body) {
        Api.Response made = api.post("/api/preauthorisations", body);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        return made.json();
    }
}

package com.hmoexchange.hub.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.PracticeApiTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A contract's tariff uploaded as CSV, on PostgreSQL: preview, versions, history, download, claims' prices, refusals. */
class TariffUploadTests extends PracticeApiTest {

    static final String HEADER = "serviceCode,description,unitPrice,validFrom,validTo\n";

    Api owner;
    long contract;
    String path;
    LocalDate start;

    @BeforeEach
    void acmeContract() {
        owner = as(practice.owner());
        JsonNode contracts = owner.get("/api/tariffs/contracts").json();
        JsonNode acme = null;
        for (JsonNode c : contracts) {
            if ("acme-hmo".equals(c.get("payer").asText())) {
                acme = c;
            }
        }
        assertThat(acme).as(contracts.toString()).isNotNull();
        contract = acme.get("id").asLong();
        start = LocalDate.parse(acme.get("startsOn").asText());
        path = "/api/tariffs/contracts/" + contract;
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void previewListsEveryRefusedRowWithItsLineAndSavesNothing() {
        String rows = "CONS-GP,GP consultation,5500.00," + start + ",\n"
                + "LAB-MP,Malaria test,-20.00," + start + ",\n"
                + "LAB-FBC,Full blood count,3000,01/02/2026,\n"
                + "CONS-GP,GP consultation again,6000.00," + start + ",\n";
        Api.Response preview = owner.upload(path + "/preview", "tariff.csv", "text/csv", csv(rows));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        JsonNode refused = preview.json().get("refused");
        assertThat(refused).hasSize(3);
        assertThat(refused.get(0).get("at").asText()).isEqualTo("line 3");
        assertThat(refused.get(0).get("reason").asText()).isEqualTo("unitPrice -20.00 is negative; a price is zero or more");
        assertThat(refused.get(1).get("reason").asText()).isEqualTo("validFrom '01/02/2026' is not a date; write it as yyyy-mm-dd");
        assertThat(refused.get(2).get("at").asText()).isEqualTo("line 5");
        assertThat(refused.get(2).get("reason").asText()).startsWith("serviceCode CONS-GP is also on line 2");
        assertThat(owner.get(path + "/versions").json()).isEmpty();
    }

    @Test
    void aRefusedUploadSavesNothing() {
        String rows = "CONS-GP,GP consultation,5500.00," + start + ",\nLAB-MP,Malaria test,-20.00," + start + ",\n";
        Api.Response refused = owner.upload(path + "/versions", "tariff.csv", "text/csv", csv(rows));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("tariff-refused");
        assertThat(refused.json().at("/refused/0/at").asText()).isEqualTo("line 3");
        assertThat(owner.get(path + "/versions").json()).isEmpty();
    }

    @Test
    void wrongColumnsAreRefusedNamingTheColumns() {
        Api.Response refused = owner.upload(path + "/versions", "tariff.csv", "text/csv",
                "code,price\nCONS-GP,5000\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/refused/0/reason").asText())
                .contains("serviceCode, description, unitPrice, validFrom, validTo", "missing: serviceCode", "unknown: code, price");
    }

    @Test
    void aFileWithAByteOrderMarkAndCrlfIsTakenAndDownloadedAsCurrent() {
        String text = ("\uFEFF" + HEADER + "CONS-GP,\"GP consultation, adult\",5500.00," + start + ",\nLAB-MP,Malaria test,2100," + start + ",\n")
                .replace("\n", "\r\n");
        Api.Response uploaded = owner.upload(path + "/versions", "tariff.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().get("version").asInt()).isEqualTo(1);

        Api.Response current = owner.get(path + "/current.csv");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("Content-Disposition")).contains("attachment");
        assertThat(current.text()).isEqualTo(HEADER.replace("\n", "\r\n")
                + "CONS-GP,\"GP consultation, adult\",5500.00," + start + ",\r\n"
                + "LAB-MP,Malaria test,2100.00," + start + ",\r\n");
    }

    @Test
    void aNewVersionPricesNewClaimsButNeverAClaimAlreadyDrafted() {
        JsonNode drafted = draft(billing, visit(billing, patient, "CONS-GP"));
        assertThat(drafted.at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("5000.00");

        Api.Response uploaded = owner.upload(path + "/versions", "2026.csv", "text/csv",
                csv("CONS-GP,GP consultation,7000.00," + start + ",\n"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

        assertThat(billing.get(claimPath(drafted)).json().at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("5000.00");
        JsonNode next = draft(billing, visit(billing, patient, "CONS-GP"));
        assertThat(next.at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("7000.00");
    }

    @Test
    void aVersionTakesOverFromItsStartDateAndHistoryKeepsEveryVersion() {
        owner.upload(path + "/versions", "v1.csv", "text/csv", csv("CONS-GP,GP consultation,6000.00," + start + ",\n"));
        LocalDate next = LocalDate.now().plusMonths(1);
        Api.Response v2 = owner.upload(path + "/versions", "v2.csv", "text/csv", csv("CONS-GP,GP consultation,6500.00," + next + ",\n"));
        assertThat(v2.json().get("takesEffect").asText()).isEqualTo(next.toString());
        assertThat(v2.json().get("priceChanges").asInt()).isEqualTo(1);

        JsonNode history = owner.get(path + "/versions").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("number").asInt()).isEqualTo(2);
        assertThat(history.get(0).get("governsToday").asBoolean()).isFalse();
        assertThat(history.get(1).get("governsToday").asBoolean()).isTrue();
        assertThat(owner.get(path + "/current.csv").text()).contains("6000.00").doesNotContain("6500.00");
        assertThat(owner.get(path + "/versions/2").json().at("/0/unitPrice").decimalValue()).isEqualByComparingTo("6500.00");
    }

    @Test
    void theHmoUploadsForItsOwnContractsOnly() {
        Api acmeAdmin = as(fixtures.hmoAdmin("acme-hmo"));
        Api.Response uploaded = acmeAdmin.upload("/api/hmo/tariffs/contracts/" + contract + "/versions", "acme.csv", "text/csv",
                csv("CONS-GP,GP consultation,5200.00," + start + ",\n"));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(owner.get(path + "/versions").json().get(0).get("uploadedBy").asText()).isNotBlank();

        Api harmonyAdmin = as(fixtures.hmoAdmin("harmony-care"));
        assertThat(harmonyAdmin.get("/api/hmo/tariffs/contracts/" + contract + "/versions").status()).isEqualTo(404);
    }

    @Test
    void anotherPracticeAndBillingStaffCannotUpload() {
        Api otherOwner = as(fixtures.practice().owner());
        assertThat(otherOwner.upload(path + "/versions", "t.csv", "text/csv", csv("CONS-GP,GP,1.00," + start + ",\n")).status())
                .isEqualTo(404);
        assertThat(billing.upload(path + "/versions", "t.csv", "text/csv", csv("CONS-GP,GP,1.00," + start + ",\n")).status())
                .isEqualTo(403);
        assertThat(billing.get(path + "/current.csv").status()).isEqualTo(200);
    }
}

package com.hmoexchange.hub.responses;

import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A payer's answer files are taken in the payer's order: its file time first, then the name. Zenith writes its
 * 999 before the 277CA that follows it; here the 277CA's name sorts first, and both wait in the folder when the
 * poller looks, so only the file time puts the 999 first.
 */
class ResponseOrderTests extends ApiTest {

    static final String ROUTE = "responses-sftp-zenith-care";

    @Autowired
    CamelContext camel;

    @Test
    void files_waiting_together_are_applied_oldest_first_whatever_their_names() throws Exception {
        Api billing = as(fixtures.practice().billing());
        Enrollee patient = fixtures.enrollee("zenith-care");
        String number = submitAndAwaitDelivery(billing, draft(billing, visit(billing, patient, "CONS-GP")))
                .get("claimNumber").asText();
        String set = number.substring(4);
        String unique = Fixtures.unique("order");
        Instant now = Instant.now();
        String operatorName = fixtures.operator();
        Api operator = as(operatorName);

        camel.getRouteController().stopRoute(ROUTE);
        Path claimAck = SFTP.drop(SFTP.zenithResponses(), "a-" + unique + ".x12", interchange("HN", "005010X214", set, "277",
                List.of("BHT*0085*08*B1*20261121*0800*TH", "HL*1**20*1", "NM1*PR*2*ZENITH*****PI*ZENITH-CARE",
                        "HL*2*1*21*1", "NM1*41*2*HUB*****46*HMOHUB", "HL*3*2*19*1", "NM1*85*2*CLINIC", "HL*4*3*PT",
                        "NM1*QC*1*EZE*NGOZI", "TRN*2*" + number, "STC*A2:20*20261121*WQ*5000", "REF*1K*ZEN-ORDER")));
        Path setAck = SFTP.drop(SFTP.zenithResponses(), "b-" + unique + ".x12", interchange("FA", "005010X231A1", set, "999",
                List.of("AK1*HC*" + Long.parseLong(set) + "*005010X222A1", "AK2*837*" + set + "*005010X222A1", "IK5*A",
                        "AK9*A*1*1*1")));
        Files.setLastModifiedTime(setAck, FileTime.from(now.minusSeconds(120)));
        Files.setLastModifiedTime(claimAck, FileTime.from(now.minusSeconds(60)));
        camel.getRouteController().startRoute(ROUTE);

        JsonNode claim = await().atMost(Duration.ofSeconds(30)).until(() -> claim(billing, number),
                c -> "IN_REVIEW".equals(c.get("status").asText()));
        assertThat(claim.get("history").findValuesAsText("to")).containsSubsequence("RECEIVED", "IN_REVIEW");
        List<String> taken = new ArrayList<>(operator.get("/api/operations/inbound-documents?payer=zenith-care")
                .json().findValuesAsText("name"));
        // Newest first: the 277CA was taken after the 999.
        assertThat(taken).containsSubsequence(claimAck.getFileName().toString(), setAck.getFileName().toString());
        assertThat(operator.get("/api/exceptions?status=OPEN&payer=zenith-care").json()
                .findValuesAsText("claimNumber")).doesNotContain(number);
    }

    private static JsonNode claim(Api billing, String claimNumber) {
        long id = billing.get("/api/claims?claimNumber=" + claimNumber).json().at("/items/0/id").asLong();
        return billing.get("/api/claims/" + id).json();
    }

    /** One interchange with one transaction set, its counts and control numbers right. */
    private static String interchange(String group, String version, String control, String type, List<String> body) {
        long number = Long.parseLong(control);
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*ZENITH-CARE    *ZZ*HMOHUB         *261121*0800*^*00501*"
                + "%09d".formatted(number) + "*0*P*:");
        segments.add("GS*" + group + "*ZENITH-CARE*HMOHUB*20261121*0800*" + number + "*X*" + version);
        segments.add("ST*" + type + "*0001*" + version);
        segments.addAll(body);
        segments.add("SE*" + (body.size() + 2) + "*0001");
        segments.add("GE*1*" + number);
        segments.add("IEA*1*" + "%09d".formatted(number));
        return String.join("~\n", segments) + "~\n";
    }
}

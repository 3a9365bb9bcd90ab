package com.hmoexchange.hub.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.TestMail;
import com.hmoexchange.hub.support.TestSftp;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An HMO's roster through the API, on PostgreSQL: CSV and X12 834, preview, apply, idempotence, audit, refusals. */
class RosterTests extends ApiTest {

    static final String HEADER = "enrolleeNumber,principalNumber,relationship,firstName,lastName,dateOfBirth,plan,primaryProvider,coverStart,coverEnd\n";

    @Autowired
    EnrolleeRepository enrollees;
    @Autowired
    AppUserRepository users;

    Api hmo;
    String plan;
    String n;

    @BeforeEach
    void hmoWithPlan() {
        hmo = as(fixtures.hmoAdmin("acme-hmo"));
        plan = Fixtures.unique("GOLD");
        Api.Response created = hmo.post("/api/hmo/plans", Map.of("code", plan, "name", "Gold", "maxSpouses", 1,
                "maxChildren", 2, "childMaxAge", 18));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        n = Fixtures.unique("R");
    }

    private byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private String family() {
        return n + "/0,,SELF,Adaeze,Okafor,1985-03-01," + plan + ",,2026-01-01,\n"
                + n + "/1," + n + "/0,SPOUSE,Chidi,Okafor,1984-07-09,,,2026-01-01,\n"
                + n + "/2," + n + "/0,CHILD,Ada,Okafor," + LocalDate.now().minusYears(5) + ",,,2026-01-01,\n";
    }

    @Test
    void previewShowsWhatWouldBeAddedAndChangesNothing() {
        Api.Response preview = hmo.upload("/api/hmo/rosters/preview", "members.csv", "text/csv", csv(family()));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().get("added").asLong()).isEqualTo(3);
        assertThat(preview.json().get("applied").asBoolean()).isFalse();
        assertThat(preview.json().at("/changes/1/details").asText()).contains("SPOUSE of " + n + "/0", "Chidi Okafor", "plan " + plan);
        assertThat(enrollees.findByEnrolleeNumber(n + "/0")).isEmpty();
    }

    @Test
    void applyingAddsPrincipalAndDependantsAndTheSameFileAgainChangesNothing() {
        Api.Response applied = hmo.upload("/api/hmo/rosters", "members.csv", "text/csv", csv(family()));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("added").asLong()).isEqualTo(3);

        Enrollee child = enrollees.findByEnrolleeNumber(n + "/2").orElseThrow();
        Enrollee principal = enrollees.findByEnrolleeNumber(n + "/0").orElseThrow();
        assertThat(child.getPlanId()).isEqualTo(principal.getPlanId()).isNotNull();
        assertThat(child.getStatus()).isEqualTo(EnrolleeStatus.ACTIVE);

        Api.Response again = hmo.upload("/api/hmo/rosters", "members.csv", "text/csv", csv(family()));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("added").asLong() + again.json().get("changed").asLong()
                + again.json().get("terminated").asLong()).isZero();
        assertThat(again.json().get("unchanged").asLong()).isEqualTo(3);
        assertThat(enrollees.findByEnrolleeNumber(n + "/2").orElseThrow().getVersion()).isEqualTo(child.getVersion());
    }

    @Test
    void aChangeAndATerminationAreInTheEnrolleesAuditWithTheFile() {
        hmo.upload("/api/hmo/rosters", "january.csv", "text/csv", csv(family()));
        String changed = family().replace("Adaeze,Okafor,1985-03-01", "Adaeze,Okafor-Bello,1985-03-01");
        Api.Response february = hmo.upload("/api/hmo/rosters", "february.csv", "text/csv", csv(changed));
        assertThat(february.json().get("changed").asLong()).isEqualTo(1);
        String termination = "action," + HEADER + "TERMINATE," + n + "/0,,,,,,,,,2026-06-30\n";
        Api.Response march = hmo.upload("/api/hmo/rosters", "march.csv", "text/csv", termination.getBytes(StandardCharsets.UTF_8));
        assertThat(march.status()).as(march.toString()).isEqualTo(200);
        // The principal's end takes the dependants with it.
        assertThat(march.json().get("terminated").asLong()).isEqualTo(3);

        JsonNode audit = hmo.get("/api/hmo/enrollee-audit?enrolleeNumber=" + n + "/0").json();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0).get("fileName").asText()).isEqualTo("january.csv");
        assertThat(audit.get(1).get("details").asText()).isEqualTo("lastName: Okafor → Okafor-Bello");
        assertThat(audit.get(1).get("fileName").asText()).isEqualTo("february.csv");
        assertThat(audit.get(2).get("action").asText()).isEqualTo("TERMINATED");
        assertThat(audit.get(2).get("details").asText()).contains("status: ACTIVE → TERMINATED", "coverEnd: (none) → 2026-06-30");
        assertThat(enrollees.findByEnrolleeNumber(n + "/1").orElseThrow().getStatus()).isEqualTo(EnrolleeStatus.TERMINATED);
        assertThat(hmo.get("/api/hmo/rosters").json().get(0).get("fileName").asText()).isEqualTo("march.csv");
    }

    @Test
    void an834AddsChangesAndTerminatesWithDependantsUnderTheirSubscriber() {
        Api.Response added = hmo.upload("/api/hmo/rosters", "enrol.834", "application/edi-x12", x12(List.of(
                "INS*Y*18*021*XN*A*C**FT", "REF*0F*" + n + "/0", "DTP*356*D8*20260101", "NM1*IL*1*EZE*NGOZI",
                "DMG*D8*19900115*F", "HD*021**HLT*" + plan + "*FAM", "DTP*348*D8*20260101",
                "INS*N*01*021*XN*A", "REF*0F*" + n + "/0", "NM1*IL*1*EZE*OBI****MI*" + n + "/1", "DMG*D8*19880220*M",
                "HD*021**HLT", "DTP*348*D8*20260101")));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("format").asText()).isEqualTo("X12_834");
        assertThat(added.json().get("added").asLong()).isEqualTo(2);
        assertThat(enrollees.findByPrincipalIdOrderByEnrolleeNumber(enrollees.findByEnrolleeNumber(n + "/0").orElseThrow().getId()))
                .extracting(Enrollee::getEnrolleeNumber).containsExactly(n + "/1");

        Api.Response changes = hmo.upload("/api/hmo/rosters", "changes.834", "application/edi-x12", x12(List.of(
                "INS*Y*18*001*XN*A*C**FT", "REF*0F*" + n + "/0", "NM1*IL*1*EZE-OBI*NGOZI", "DMG*D8*19900115*F",
                "HD*001**HLT*" + plan, "DTP*348*D8*20260101",
                "INS*N*01*024*XN*A", "REF*0F*" + n + "/0", "NM1*IL*1*EZE*OBI****MI*" + n + "/1", "DTP*357*D8*20260331")));
        assertThat(changes.status()).as(changes.toString()).isEqualTo(200);
        assertThat(changes.json().get("changed").asLong()).isEqualTo(1);
        assertThat(changes.json().get("terminated").asLong()).isEqualTo(1);
        assertThat(enrollees.findByEnrolleeNumber(n + "/0").orElseThrow().getLastName()).isEqualTo("EZE-OBI");
        Enrollee spouse = enrollees.findByEnrolleeNumber(n + "/1").orElseThrow();
        assertThat(spouse.getStatus()).isEqualTo(EnrolleeStatus.TERMINATED);
        assertThat(spouse.getCoverEnd()).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void aCsvWithAByteOrderMarkAndCrlfLineEndsIsTaken() {
        byte[] text = ("\uFEFF" + HEADER + family()).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        Api.Response applied = hmo.upload("/api/hmo/rosters", "excel.csv", "text/csv", text);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("added").asLong()).isEqualTo(3);
        assertThat(enrollees.findByEnrolleeNumber(n + "/0").orElseThrow().getFirstName()).isEqualTo("Adaeze");
    }

    @Test
    void wrongColumnsAreRefusedNamingTheColumnsExpected() {
        byte[] text = ("number,name,plan\n" + n + ",Ada," + plan + "\n").getBytes(StandardCharsets.UTF_8);
        Api.Response refused = hmo.upload("/api/hmo/rosters", "bad.csv", "text/csv", text);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().at("/refused/0/at").asText()).isEqualTo("line 1");
        assertThat(refused.json().at("/refused/0/reason").asText()).contains("missing: enrolleeNumber", "unknown: number, name");
    }

    @Test
    void aBadDateRefusesTheFileNamingTheLineAndNothingIsApplied() {
        String rows = family().replace("1984-07-09", "09/07/1984");
        Api.Response refused = hmo.upload("/api/hmo/rosters", "bad.csv", "text/csv", csv(rows));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("Nothing was applied");
        assertThat(refused.json().at("/refused/0/at").asText()).isEqualTo("line 3");
        assertThat(refused.json().at("/refused/0/reason").asText()).isEqualTo("dateOfBirth '09/07/1984' is not a date; write it as yyyy-mm-dd");
        assertThat(enrollees.findByEnrolleeNumber(n + "/0")).as("the good rows are not applied either").isEmpty();
    }

    @Test
    void anUnknownPlanIsRefusedSayingWhichPlansExist() {
        Api.Response refused = hmo.upload("/api/hmo/rosters", "bad.834", "application/edi-x12", x12(List.of(
                "INS*Y*18*021*XN*A", "REF*0F*" + n + "/0", "NM1*IL*1*EZE*NGOZI", "DMG*D8*19900115*F",
                "HD*021**HLT*PLATINUM", "DTP*348*D8*20260101")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().at("/refused/0/at").asText()).isEqualTo("segment 5");
        assertThat(refused.json().at("/refused/0/reason").asText()).contains("plan 'PLATINUM' is not one of your plans", plan,
                "create it under Plans first");
        assertThat(enrollees.findByEnrolleeNumber(n + "/0")).isEmpty();
    }

    @Test
    void anInterchangeWithABrokenSegmentIsRefusedWhole() {
        String text = new String(x12(List.of("INS*Y*18*021*XN*A", "REF*0F*" + n + "/0", "NM1*IL*1*EZE*NGOZI",
                "DMG*D8*19900115*F", "HD*021**HLT*" + plan, "DTP*348*D8*20260101")), StandardCharsets.UTF_8)
;
        text = text.substring(0, text.indexOf("DMG*D8*1990") + 7); // cut off in the middle of a segment
        Api.Response refused = hmo.upload("/api/hmo/rosters", "broken.834", "application/edi-x12", text.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().at("/refused/0/reason").asText()).contains("segment", "nothing was applied");
        assertThat(enrollees.findByEnrolleeNumber(n + "/0")).isEmpty();
    }

    @Test
    void aDependantBeyondThePlansPolicyIsRefused() {
        String rows = family() + n + "/3," + n + "/0,SPOUSE,Second,Okafor,1986-01-01,,,2026-01-01,\n";
        Api.Response preview = hmo.upload("/api/hmo/rosters/preview", "members.csv", "text/csv", csv(rows));
        assertThat(preview.json().get("refusedCount").asLong()).isEqualTo(1);
        assertThat(preview.json().at("/refused/0/at").asText()).isEqualTo("line 5");
        assertThat(preview.json().at("/refused/0/reason").asText()).contains("at most 1 spouse");
    }

    @Test
    void anotherHmosMemberNumberIsRefused() {
        Enrollee theirs = fixtures.enrollee("harmony-care");
        String rows = theirs.getEnrolleeNumber() + ",,SELF,Ngozi,Eze,1990-01-15," + plan + ",,2026-01-01,\n";
        Api.Response refused = hmo.upload("/api/hmo/rosters", "members.csv", "text/csv", csv(rows));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/refused/0/reason").asText()).contains("belongs to another HMO's member");
        assertThat(enrollees.findByEnrolleeNumber(theirs.getEnrolleeNumber()).orElseThrow().getPayerId()).isEqualTo(theirs.getPayerId());
    }

    @Test
    void aRosterPutInTheHmosIntakeFolderIsAppliedAndAudited() {
        TestSftp.upload("rosters/acme-hmo", "members-" + n.replace('/', '-') + ".csv", HEADER + family(), null);

        Enrollee child = await().atMost(Duration.ofSeconds(30)).until(() -> enrollees.findByEnrolleeNumber(n + "/2"), Optional::isPresent).get();
        assertThat(child.getRelationship()).isEqualTo(com.hmoexchange.hub.enrollees.Relationship.CHILD);
        JsonNode audit = hmo.get("/api/hmo/enrollee-audit?enrolleeNumber=" + n + "/0").json();
        assertThat(audit.get(0).get("by").asText()).isEqualTo("sftp:acme-hmo");
        assertThat(audit.get(0).get("fileName").asText()).startsWith("members-");
    }

    @Test
    void anHmoAdminEmailsRostersToTheIntakeAddressAndGetsEachReportBack() throws Exception {
        String admin = Fixtures.unique("roster").toLowerCase() + "@hmo.example";
        users.save(AppUser.ofPayer(admin, "{noop}not-used-here", fixtures.payer("acme-hmo").getId()));

        Transport.send(email(admin, "members.csv", HEADER + family()));
        TestMail.Mail applied = TestMail.awaitMail(admin, "Roster members.csv");
        assertThat(applied.subject()).contains("3 added, 0 changed, 0 terminated, 0 unchanged");
        assertThat(enrollees.findByEnrolleeNumber(n + "/2")).isPresent();

        Transport.send(email(admin, "fixed.csv", HEADER + family().replace("Chidi,Okafor,1984-07-09", "Chidi,Okafor,1984-13-09")));
        TestMail.Mail refused = TestMail.awaitMail(admin, "Roster fixed.csv");
        assertThat(refused.subject()).contains("refused, 1 row(s) to fix, nothing applied");
        assertThat(refused.body()).contains("line 3: dateOfBirth '1984-13-09' is not a date; write it as yyyy-mm-dd");
    }

    private static MimeMessage email(String from, String fileName, String csv) throws Exception {
        return TestMail.toIntakeWithCsv(from, "Our roster", "Attached.", fileName, csv, null);
    }

    @Test
    void onlyAnHmoAdminLoadsARoster() {
        String billing = fixtures.practice().billing();
        assertThat(as(billing).upload("/api/hmo/rosters", "members.csv", "text/csv", csv(family())).status()).isEqualTo(403);
    }

    /** One interchange with one 834 transaction set, its counts and control numbers right. */
    static byte[] x12(List<String> body) {
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*ACMECORP       *ZZ*HMOHUB         *260401*1200*^*00501*000000001*0*T*:");
        segments.add("GS*BE*ACMECORP*HMOHUB*20260401*1200*1*X*005010X220A1");
        segments.add("ST*834*0001*005010X220A1");
        segments.add("BGN*00*REF1*20260401*1200****2");
        segments.addAll(body);
        segments.add("SE*" + (body.size() + 3) + "*0001");
        segments.add("GE*1*1");
        segments.add("IEA*1*000000001");
        return (String.join("~\n", segments) + "~\n").getBytes(StandardCharsets.UTF_8);
    }
}

package com.hmoexchange.hub.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.claims.ClaimService;
import com.hmoexchange.hub.claims.ClaimService.ServiceToBill;
import com.hmoexchange.hub.claims.ClaimViews.ClaimView;
import com.hmoexchange.hub.demo.sandbox.SandboxHistory;
import com.hmoexchange.hub.payers.AttachmentType;
import com.hmoexchange.hub.responses.InboundDocument;
import com.hmoexchange.hub.responses.PayerResponses;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.visits.Visit;
import com.hmoexchange.hub.visits.VisitRepository;
import com.hmoexchange.hub.visits.Visits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clinic's last four months with Acme and Harmony, replayed at the first start so that "Money owed" has
 * claims of every age: each claim is recorded as a visit and submitted by the billing desk
 * ({@link ClaimService}) on its past day, then answered and paid by its payer in the payer's own format
 * (Acme's signed-callback JSON, Harmony's status and remittance CSV files) through the hub's payer-answer path
 * ({@link PayerResponses}) on the days the payer acted, with {@link DemoClock} reading that day on this
 * thread. One is still unanswered, some approved and unpaid, some paid in full, some paid at last year's tariff,
 * some rejected with the payer's reason. The sandbox payers leave these claims alone when the hub delivers them
 * ({@link SandboxHistory}).
 */
@Component
@Profile("demo")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoHistory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final ZoneId LAGOS = ZoneId.of("Africa/Lagos");
    private static final byte[] REFERRAL_LETTER = "%PDF-1.4\n% Referral letter\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** The clinic's tariff (DemoData), by service: a payer approving less pays below it. */
    static final Map<String, String> CLINIC_TARIFF = Map.of("CONS-GP", "5000.00", "LAB-MP", "2000.00", "LAB-FBC", "3500.00",
            "DRUG-ACT", "4500.00", "XRAY-CHEST", "12000.00");
    private static final Map<String, String> DESCRIPTIONS = Map.of("CONS-GP", "General practitioner consultation",
            "LAB-MP", "Malaria parasite test", "LAB-FBC", "Full blood count", "DRUG-ACT", "Artemether-lumefantrine, full course",
            "XRAY-CHEST", "Chest X-ray");

    private final DemoClock clock;
    private final Visits visits;
    private final ClaimService claims;
    private final PayerResponses answers;
    private final SandboxHistory sandbox;
    private final UserDetailsService accounts;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final ProviderRepository practices;
    private final VisitRepository visitRecords;

    DemoHistory(DemoClock clock, Visits visits, ClaimService claims, PayerResponses answers, SandboxHistory sandbox,
            UserDetailsService accounts, ObjectMapper json, PlatformTransactionManager transactions,
            ProviderRepository practices, VisitRepository visitRecords) {
        this.practices = practices;
        this.visitRecords = visitRecords;
        this.clock = clock;
        this.visits = visits;
        this.claims = claims;
        this.answers = answers;
        this.sandbox = sandbox;
        this.accounts = accounts;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
    }

    /** One claim of the past: what was billed, on which day, and what its payer did and when. */
    record Past(String payer, String enrolleeNumber, int submittedDaysAgo, List<String> services, String diagnosis,
            Answer answer, Payment payment) {
    }

    /**
     * The payer's decision, {@code afterDays} after submission: its status word in the payer's format, the
     * services approved at another amount than billed, and its reason (code and words).
     */
    record Answer(int afterDays, String status, Map<String, String> approvedAt, String reasonCode, String reason) {
    }

    /** A payment {@code afterDays} after submission. */
    record Payment(int afterDays, String amount) {
    }

    static final List<Past> PAST = List.of(
            new Past("acme-hmo", "ACM/10001/0", 118, List.of("CONS-GP", "LAB-MP", "DRUG-ACT"), "B54",
                    new Answer(6, "APPROVED", Map.of(), null, null), null),
            new Past("acme-hmo", "ACM/10001/1", 96, List.of("CONS-GP", "XRAY-CHEST"), "J18.9",
                    new Answer(9, "PARTIALLY_APPROVED", Map.of("CONS-GP", "4000.00"), "TARIFF-2024",
                            "Consultation paid at the 2024 tariff"), new Payment(31, "16000.00")),
            new Past("acme-hmo", "ACM/10001/2", 78, List.of("CONS-GP", "LAB-FBC"), "R50.9",
                    new Answer(7, "APPROVED", Map.of(), null, null), null),
            new Past("acme-hmo", "ACM/10001/0", 70, List.of("XRAY-CHEST"), "R05",
                    new Answer(5, "REJECTED", Map.of(), "PA-REQUIRED", "Imaging needs a pre-authorisation code"), null),
            new Past("acme-hmo", "ACM/10001/1", 52, List.of("CONS-GP", "LAB-MP"), "B54",
                    new Answer(4, "APPROVED", Map.of(), null, null), null),
            new Past("acme-hmo", "ACM/10001/2", 40, List.of("CONS-GP"), "J06.9",
                    new Answer(6, "PARTIALLY_APPROVED", Map.of("CONS-GP", "4000.00"), "TARIFF-2024",
                            "Consultation paid at the 2024 tariff"), new Payment(15, "4000.00")),
            new Past("acme-hmo", "ACM/10001/0", 33, List.of("CONS-GP", "LAB-FBC"), "R53",
                    new Answer(3, "REJECTED", Map.of(), "NOT-ON-PLAN", "Full blood count is not covered by the enrollee's plan"),
                    null),
            new Past("acme-hmo", "ACM/10001/1", 18, List.of("CONS-GP", "LAB-MP", "LAB-FBC"), "B54", null, null),
            new Past("acme-hmo", "ACM/10001/2", 9, List.of("CONS-GP", "LAB-MP"), "B54",
                    new Answer(3, "APPROVED", Map.of(), null, null), null),
            new Past("harmony-care", "HCI-20001", 100, List.of("CONS-GP", "LAB-FBC"), "I10",
                    new Answer(10, "APPROVED", Map.of(), null, null), null),
            new Past("harmony-care", "HCI-20001", 64, List.of("XRAY-CHEST"), "R05",
                    new Answer(8, "DECLINED", Map.of(), "R31", "The diagnosis does not support a chest X-ray"), null),
            new Past("harmony-care", "HCI-20001", 45, List.of("CONS-GP", "LAB-MP"), "B54",
                    new Answer(7, "PART_APPROVED", Map.of("CONS-GP", "4000.00"), "R45", "Consultation paid at the 2024 tariff"),
                    null),
            new Past("harmony-care", "HCI-20001", 24, List.of("CONS-GP"), "I10",
                    new Answer(4, "APPROVED", Map.of(), null, null), new Payment(12, "5000.00")));

    /** Once, after DemoData committed: a data folder from before the history gets it on its next start. */
    @Override
    public void run(ApplicationArguments args) {
        long clinic = practices.findByCode(DemoData.CLINIC).orElseThrow().getId();
        if (visitRecords.findByProviderIdAndExternalRef(clinic, visitRef(0)).isEmpty()) {
            replay();
        }
    }

    private static String visitRef(int index) {
        return "LFC-V-" + (901 + index);
    }

    /** Replays the past, each step in its own transaction as the desk's request or the payer's document was. */
    void replay() {
        HubUser billing = (HubUser) accounts.loadUserByUsername("lekki.billing");
        LocalDate today = LocalDate.now(clock.withZone(LAGOS));
        for (int i = 0; i < PAST.size(); i++) {
            Past past = PAST.get(i);
            String visitRef = visitRef(i);
            LocalDate submitted = today.minusDays(past.submittedDaysAgo());
            String claimNumber = clock.at(morningOf(submitted), () -> submit(billing, past, submitted, visitRef));
            if (past.answer() != null) {
                applied(clock.at(morningOf(submitted.plusDays(past.answer().afterDays())), () -> answer(past, claimNumber)));
            }
            if (past.payment() != null) {
                LocalDate paidOn = submitted.plusDays(past.payment().afterDays());
                applied(clock.at(morningOf(paidOn), () -> pay(past, claimNumber, paidOn)));
            }
        }
        log.info("Demo history replayed: {} claims of the last four months to Acme and Harmony, answered and paid on their days",
                PAST.size());
    }

    /** A payer's document the hub did not apply in full would leave the demo's figures wrong: the start stops. */
    private static void applied(PayerResponses.Receipt receipt) {
        if (receipt.outcome() != InboundDocument.Outcome.APPLIED || !receipt.detail().contains("; 0 exception(s)")) {
            throw new IllegalStateException("The demo history's payer document " + receipt.documentId() + " was not applied: "
                    + receipt.outcome() + ", " + receipt.detail());
        }
    }

    private static Instant morningOf(LocalDate day) {
        return day.atTime(10, 0).atZone(LAGOS).toInstant();
    }

    /** The visit of the day before, and its claim submitted by the desk; returns the claim number. */
    private String submit(HubUser billing, Past past, LocalDate submitted, String visitRef) {
        return tx.execute(status -> {
            LocalDate seen = submitted.minusDays(1);
            Visit visit = visits.record(billing, past.enrolleeNumber(), seen, null, null, visitRef, past.services().stream()
                    .map(code -> new Visits.Performed(code, DESCRIPTIONS.get(code), 1, seen)).toList());
            ClaimView draft = claims.createDraft(billing, visit.getId(), visit.getServices().stream()
                    .map(service -> new ServiceToBill(service.getId(), null, null)).toList(), List.of(past.diagnosis()), null, null);
            if (past.payer().equals("harmony-care")) {
                claims.attach(billing, draft.id(), null, AttachmentType.REFERRAL_LETTER, "referral-letter.pdf", REFERRAL_LETTER);
            }
            sandbox.leaveAlone(draft.claimNumber());
            claims.submit(billing, draft.id(), null);
            return draft.claimNumber();
        });
    }

    private PayerResponses.Receipt answer(Past past, String claimNumber) {
        Answer answer = past.answer();
        Map<Integer, BigDecimal> approved = new LinkedHashMap<>();
        for (int line = 1; line <= past.services().size(); line++) {
            String service = past.services().get(line - 1);
            approved.put(line, new BigDecimal(answer.status().equals("REJECTED") || answer.status().equals("DECLINED") ? "0.00"
                    : answer.approvedAt().getOrDefault(service, CLINIC_TARIFF.get(service))));
        }
        if (past.payer().equals("acme-hmo")) {
            Map<String, Object> claim = new LinkedHashMap<>();
            claim.put("ref", claimNumber);
            claim.put("reference", "ACME-" + claimNumber);
            claim.put("state", answer.status());
            if (answer.reason() != null) {
                claim.put("reason", Map.of("code", answer.reasonCode(), "message", answer.reason()));
            }
            List<Map<String, Object>> items = new ArrayList<>();
            approved.forEach((line, amount) -> items.add(Map.of("line", line, "approved_amount", amount)));
            claim.put("items", items);
            return answers.take("acme-hmo", "callback", "callback about " + claimNumber,
                    json(Map.of("event", "claim.status", "claim", claim)));
        }
        StringBuilder csv = new StringBuilder("CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n");
        String reason = answer.reason() == null ? "," : answer.reasonCode() + ",\"" + answer.reason() + "\"";
        if (answer.status().equals("DECLINED")) {
            csv.append(claimNumber).append(",HCI-").append(claimNumber).append(",DECLINED,,,,").append(reason).append('\n');
        } else {
            approved.forEach((line, amount) -> csv.append(claimNumber).append(",HCI-").append(claimNumber).append(',')
                    .append(answer.status()).append(',').append(line).append(",,").append(amount).append(',')
                    .append(amount.compareTo(new BigDecimal(CLINIC_TARIFF.get(past.services().get(line - 1)))) < 0 ? reason : ",")
                    .append('\n'));
        }
        return answers.take("harmony-care", "sftp", "STATUS-" + claimNumber + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private PayerResponses.Receipt pay(Past past, String claimNumber, LocalDate paidOn) {
        BigDecimal billed = past.services().stream().map(s -> new BigDecimal(CLINIC_TARIFF.get(s))).reduce(BigDecimal.ZERO, BigDecimal::add);
        String amount = past.payment().amount();
        if (past.payer().equals("acme-hmo")) {
            return answers.take("acme-hmo", "callback", "payment for " + claimNumber, json(Map.of("event", "payment", "payment",
                    Map.of("id", "ACME-TRF-" + claimNumber, "date", paidOn.toString(), "amount", new BigDecimal(amount),
                            "claims", List.of(Map.of("ref", claimNumber, "billed", billed, "paid", new BigDecimal(amount),
                                    "status", "PAID"))))));
        }
        return answers.take("harmony-care", "sftp", "REMIT-" + claimNumber + ".csv", ("PAYMENT_REF,PAYMENT_DATE,PAYMENT_TOTAL,CLAIM_REF,BILLED,PAID\n"
                + "HCI-PAY-" + claimNumber + "," + paidOn + "," + amount + "," + claimNumber + "," + billed + "," + amount + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

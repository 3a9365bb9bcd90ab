package com.hmoexchange.hub.demo.sandbox;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.responses.CallbackSignatures;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import com.hmoexchange.hub.payers.EmailSection;
import com.hmoexchange.hub.payers.PayerCatalog;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The sandbox payers answer by themselves, so a newcomer sees claims decided and paid without touching
 * anything: a few seconds after a claim arrives its payer sends a decision, and a few seconds later the
 * payment, each over the payer's own channel (Acme: signed callbacks; Harmony: CSV files on its SFTP
 * server; Crestline: emails with FHIR files). The decision is fixed by the claim's total, so it can be
 * predicted (see {@link #decide}): under NGN 6,000 approved; 6,000 to 11,999.99 partially approved (the
 * dearest line at half its amount); 12,000 and over rejected. Demo profile only.
 */
@Component
@Profile("demo")
class SandboxResponder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxResponder.class);
    static final BigDecimal APPROVE_BELOW = new BigDecimal("6000");
    static final BigDecimal REJECT_FROM = new BigDecimal("12000");

    private final Environment environment;
    private final GreenMail mail;
    private final ObjectMapper json;
    private final Path sftpRoot;
    private final String acmeSecret;
    private final String answersMailbox;
    private final int smtpPort;
    private final String crestlineClaims;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-payers");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<JsonNode> acmeInbox = new ConcurrentLinkedQueue<>();
    /** Claims answered, by payer and claim number, with the payment still to send. */
    private final Map<String, Runnable> paymentsDue = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final SandboxHistory history;

    SandboxResponder(Environment environment, GreenMail mail, ObjectMapper json, SandboxSettings settings, PayerCatalog payers,
            SandboxHistory history) {
        this.history = history;
        this.environment = environment;
        this.mail = mail;
        this.json = json;
        this.sftpRoot = settings.dataDir().resolve("sandbox-sftp/root");
        this.acmeSecret = payers.settings("acme-hmo").responses().callbackSecret();
        this.answersMailbox = payers.settings("crestline-health").responses().mailbox()
                .orElseThrow(() -> new IllegalStateException("The demo needs crestline-health's responses.email")).username();
        this.crestlineClaims = payers.settings("crestline-health").section(EmailSection.class).to();
        this.smtpPort = settings.mailbox().smtpPort();
    }

    /** The decision for a claim: status and what is approved per line (sequence to amount). */
    record Decision(String status, Map<Integer, BigDecimal> approved, String reason) {

        BigDecimal total() {
            return approved.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    static Decision decide(Map<Integer, BigDecimal> lines) {
        BigDecimal total = lines.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Integer, BigDecimal> approved = new java.util.TreeMap<>(lines);
        if (total.compareTo(APPROVE_BELOW) < 0) {
            return new Decision("APPROVED", approved, null);
        }
        if (total.compareTo(REJECT_FROM) >= 0) {
            approved.replaceAll((k, v) -> BigDecimal.ZERO.setScale(2));
            return new Decision("REJECTED", approved, "Sandbox rule: claims of NGN 12,000 or more are declined");
        }
        int dearest = lines.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        approved.put(dearest, lines.get(dearest).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
        return new Decision("PARTIAL", approved, "Sandbox rule: line " + dearest + " paid at half its amount");
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ticks.scheduleWithFixedDelay(this::tick, 3, 3, TimeUnit.SECONDS);
    }

    /** Acme's API received a claim (called by the sandbox controller). */
    void acmeReceived(JsonNode claim) {
        acmeInbox.add(claim);
    }

    private void tick() {
        // Payments go out one tick after the decision, so a person sees the decision first.
        List<Runnable> due = new ArrayList<>(paymentsDue.values());
        paymentsDue.clear();
        due.forEach(this::quietly);
        quietly(this::answerAcme);
        quietly(this::answerHarmony);
        quietly(this::answerCrestline);
    }

    private void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Sandbox payer could not answer: {}", e.toString());
        }
    }

    // ---- Acme: signed callbacks ----------------------------------------------------------------

    private void answerAcme() {
        for (JsonNode claim = acmeInbox.poll(); claim != null; claim = acmeInbox.poll()) {
            String number = claim.path("ref").asText();
            if (history.isPast(number)) {
                continue;
            }
            Map<Integer, BigDecimal> lines = new java.util.TreeMap<>();
            claim.path("items").forEach(i -> lines.put(i.path("seq").asInt(), i.path("amount").decimalValue()));
            Decision d = decide(lines);
            Map<String, Object> state = new java.util.LinkedHashMap<>();
            state.put("ref", number);
            state.put("state", Map.of("APPROVED", "APPROVED", "PARTIAL", "PARTIALLY_APPROVED", "REJECTED", "REJECTED").get(d.status()));
            if (d.reason() != null) {
                state.put("reason", Map.of("message", d.reason())); // the rule in words, no code of the sandbox's own
            }
            List<Map<String, Object>> items = new ArrayList<>();
            d.approved().forEach((seq, amount) -> items.add(Map.of("line", seq, "approved_amount", amount)));
            state.put("items", items);
            callback(Map.of("event", "claim.status", "claim", state));
            paymentsDue.put("acme/" + number, () -> callback(Map.of("event", "payment", "payment", Map.of(
                    "id", "ACME-TRF-" + number, "date", LocalDate.now().toString(), "amount", d.total(),
                    "claims", List.of(Map.of("ref", number, "billed", lines.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                            "paid", d.total(), "status", d.total().signum() == 0 ? "DENIED" : "PAID"))))));
        }
    }

    private void callback(Map<String, Object> body) {
        try {
            String text = json.writeValueAsString(body);
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String signature = CallbackSignatures.header(acmeSecret, timestamp, text.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                            + environment.getProperty("local.server.port", "8080") + "/api/payers/acme-hmo/callbacks"))
                    .header("Content-Type", "application/json").header(CallbackSignatures.TIMESTAMP, timestamp)
                    .header(CallbackSignatures.SIGNATURE, signature).POST(HttpRequest.BodyPublishers.ofString(text)).build(),
                    HttpResponse.BodyHandlers.ofString());
            log.info("Sandbox payer acme-hmo called back ({}): HTTP {}", body.get("event"), answer.statusCode());
        } catch (Exception e) {
            throw new IllegalStateException("callback failed: " + e.getMessage(), e);
        }
    }

    // ---- Harmony: CSV files in its SFTP outbound folder ----------------------------------------

    private void answerHarmony() {
        Path claims = sftpRoot.resolve("claims");
        if (!Files.isDirectory(claims)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(claims)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".csv") && !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Path file : files) {
            if (!seen.add("harmony/" + file.getFileName())) {
                continue;
            }
            String number = null;
            Map<Integer, BigDecimal> lines = new java.util.TreeMap<>();
            try (Reader reader = Files.newBufferedReader(file);
                    CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                for (CSVRecord row : csv) {
                    number = row.get("CLAIM_REF");
                    lines.put(Integer.valueOf(row.get("LINE_NO")), new BigDecimal(row.get("AMOUNT")));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            if (number == null || history.isPast(number)) {
                continue;
            }
            Decision d = decide(lines);
            String word = Map.of("APPROVED", "APPROVED", "PARTIAL", "PART_APPROVED", "REJECTED", "DECLINED").get(d.status());
            StringBuilder status = new StringBuilder("CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n");
            String reason = d.reason() == null ? "," : ",\"" + d.reason() + "\"";
            if ("REJECTED".equals(d.status())) {
                // A rejection is one row for the whole claim, with the reason.
                status.append(number).append(",HCI-").append(number).append(',').append(word).append(",,,,").append(reason).append('\n');
            } else {
                for (Map.Entry<Integer, BigDecimal> line : d.approved().entrySet()) {
                    boolean cut = line.getValue().compareTo(lines.get(line.getKey())) != 0;
                    status.append(number).append(",HCI-").append(number).append(',').append(word).append(',').append(line.getKey())
                            .append(",,").append(line.getValue()).append(',').append(cut ? reason : ",").append('\n');
                }
            }
            drop("STATUS-" + number + ".csv", status.toString());
            String claimNumber = number;
            BigDecimal billed = lines.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            paymentsDue.put("harmony/" + number, () -> drop("REMIT-" + claimNumber + ".csv",
                    "PAYMENT_REF,PAYMENT_DATE,PAYMENT_TOTAL,CLAIM_REF,BILLED,PAID\n" + "HCI-PAY-" + claimNumber + ","
                            + LocalDate.now() + "," + d.total() + "," + claimNumber + "," + billed + "," + d.total() + "\n"));
        }
    }

    /** Writes a file into Harmony's outbound folder under a dot name and renames it, so it is never read half-written. */
    private void drop(String name, String content) {
        try {
            Path folder = Files.createDirectories(sftpRoot.resolve("responses"));
            Path partial = folder.resolve("." + name + ".part");
            Files.writeString(partial, content);
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            log.info("Sandbox payer harmony-care dropped {} on its SFTP server", name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- Crestline: emails with FHIR files -----------------------------------------------------

    private void answerCrestline() {
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                String to = message.getAllRecipients() == null ? "" : message.getAllRecipients()[0].toString();
                if (!to.equalsIgnoreCase(crestlineClaims) || !seen.add("crestline/" + message.getMessageID())) {
                    continue;
                }
                Claim claim = claimIn(message);
                if (claim == null) {
                    continue;
                }
                String number = claim.getIdentifierFirstRep().getValue();
                if (history.isPast(number)) {
                    continue;
                }
                Map<Integer, BigDecimal> lines = new java.util.TreeMap<>();
                claim.getItem().forEach(i -> lines.put(i.getSequence(), i.getNet().getValue()));
                Decision d = decide(lines);
                ClaimResponse response = new ClaimResponse();
                response.addIdentifier(new Identifier().setSystem("urn:crestline:claim-response").setValue("CHP-" + number));
                response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
                response.setUse(ClaimResponse.Use.CLAIM);
                response.setOutcome("REJECTED".equals(d.status()) ? ClaimResponse.RemittanceOutcome.ERROR
                        : "PARTIAL".equals(d.status()) ? ClaimResponse.RemittanceOutcome.PARTIAL : ClaimResponse.RemittanceOutcome.COMPLETE);
                response.setRequest(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:claim-number").setValue(number)));
                if (d.reason() != null) {
                    response.setDisposition(d.reason());
                }
                d.approved().forEach((seq, amount) -> response.addItem().setItemSequence(seq).addAdjudication()
                        .setCategory(new CodeableConcept(new Coding(null, "benefit", null)))
                        .setAmount(new Money().setValue(amount).setCurrency("NGN")));
                send("Decision on claim " + number, "claim-response-" + number + ".fhir.json",
                        FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(response));
                paymentsDue.put("crestline/" + number, () -> {
                    PaymentReconciliation payment = new PaymentReconciliation();
                    payment.setStatus(PaymentReconciliation.PaymentReconciliationStatus.ACTIVE);
                    payment.setCreated(new Date());
                    payment.setPaymentDate(new Date());
                    payment.setPaymentIdentifier(new Identifier().setSystem("urn:crestline:payment").setValue("CHP-EFT-" + number));
                    payment.setPaymentAmount(new Money().setValue(d.total()).setCurrency("NGN"));
                    payment.addDetail().setType(new CodeableConcept(new Coding(null, "payment", null)))
                            .setRequest(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:claim-number").setValue(number)))
                            .setAmount(new Money().setValue(d.total()).setCurrency("NGN"));
                    send("Payment for claim " + number, "payment-" + number + ".fhir.json",
                            FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(payment));
                });
            } catch (Exception e) {
                log.warn("Sandbox payer crestline-health could not read a claim email: {}", e.toString());
            }
        }
    }

    private Claim claimIn(MimeMessage message) throws Exception {
        if (!(message.getContent() instanceof Multipart parts)) {
            return null;
        }
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(".fhir.json")) {
                try (InputStream in = part.getInputStream()) {
                    return FhirContext.forR4Cached().newJsonParser().parseResource(Claim.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return null;
    }

    private void send(String subject, String fileName, String content) {
        try {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(smtpPort));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("adjudication@crestline.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(answersMailbox));
            message.setSubject(subject);
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Crestline Health Plan: see the attached file.");
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.UTF_8), "application/fhir+json")));
            file.setFileName(fileName);
            message.setContent(new MimeMultipart(text, file));
            Transport.send(message);
            log.info("Sandbox payer crestline-health emailed {} to {}", fileName, answersMailbox);
        } catch (Exception e) {
            throw new IllegalStateException("mail failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        ticks.shutdownNow();
    }
}

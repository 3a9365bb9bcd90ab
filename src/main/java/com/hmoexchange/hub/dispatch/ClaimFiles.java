package com.hmoexchange.hub.dispatch;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.claims.CanonicalClaim;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.springframework.stereotype.Component;

/**
 * The claim files the writers make beside plain JSONata: CSV (rows from the payer's mapping, columns in the
 * order payer.yaml lists them), FHIR R4 Claim and X12 837P (both from the canonical claim, no mapping needed).
 */
@Component
class ClaimFiles {

    static final String HUB_SYSTEM = "urn:hmo-hub:claim-number";

    private final ObjectMapper json;

    ClaimFiles(ObjectMapper json) {
        this.json = json;
    }

    /** The mapped rows (a JSON array, or one object) as a CSV file with the payer's columns, in their order. */
    String csv(JsonNode rows, List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalStateException("A CSV payer needs csv.columns in payer.yaml");
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator("\r\n").get())) {
            for (JsonNode row : rows.isArray() ? rows : json.createArrayNode().add(rows)) {
                List<String> values = new ArrayList<>();
                for (String column : columns) {
                    JsonNode value = row.path(column);
                    values.add(value.isMissingNode() || value.isNull() ? "" : text(value));
                }
                printer.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Whole numbers as they are; decimals (money, from the mapping) with two places, as payers' files expect. */
    private static String text(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.decimalValue().setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return value.asText();
    }

    /** The canonical claim as an X12 5010 837P interchange. */
    String x12(String canonicalJson) throws IOException {
        return x12(json.readValue(canonicalJson, CanonicalClaim.class));
    }

    String x12(CanonicalClaim c) {
        return Claim837.write(c);
    }

    /** The canonical claim as a FHIR R4 Claim resource (JSON). */
    String fhir(String canonicalJson) throws IOException {
        return fhir(json.readValue(canonicalJson, CanonicalClaim.class));
    }

    String fhir(CanonicalClaim c) {
        Claim claim = new Claim();
        claim.setId(c.claimNumber());
        claim.addIdentifier(new Identifier().setSystem(HUB_SYSTEM).setValue(c.claimNumber()));
        claim.addIdentifier(new Identifier().setSystem("urn:hmo-hub:provider:" + c.provider().code() + ":reference")
                .setValue(c.providerReference()));
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setUse(Claim.Use.CLAIM);
        claim.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type",
                c.visit().admissionDate() == null ? "professional" : "institutional", null)));
        claim.setPatient(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:enrollee-number")
                .setValue(c.patient().enrolleeNumber())).setDisplay(c.patient().firstName() + " " + c.patient().lastName()));
        claim.setCreated(Date.from(c.submittedAt() == null ? Instant.now() : c.submittedAt()));
        claim.setProvider(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:provider")
                .setValue(c.provider().code())).setDisplay(c.provider().name()));
        claim.setInsurer(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:payer")
                .setValue(c.payer().code())).setDisplay(c.payer().name()));
        claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
        Claim.InsuranceComponent insurance = claim.addInsurance().setSequence(1).setFocal(true)
                .setCoverage(new Reference().setIdentifier(new Identifier().setSystem("urn:hmo-hub:enrollee-number")
                        .setValue(c.patient().enrolleeNumber())));
        if (c.paCode() != null) {
            insurance.addPreAuthRef(c.paCode());
        }
        if (c.visit().admissionDate() != null) {
            claim.setBillablePeriod(new Period().setStart(date(c.visit().admissionDate())).setEnd(date(c.visit().dischargeDate())));
        }
        int sequence = 1;
        for (String code : c.diagnoses()) {
            claim.addDiagnosis().setSequence(sequence++).setDiagnosis(new CodeableConcept(
                    new Coding("http://hl7.org/fhir/sid/icd-10", code, null)));
        }
        sequence = 1;
        for (CanonicalClaim.Attachment a : c.attachments()) {
            claim.addSupportingInfo().setSequence(sequence++)
                    .setCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claiminformationcategory",
                            "attachment", null)).setText(a.type()))
                    .setValue(new Attachment().setContentType(a.contentType()).setTitle(a.fileName())
                            .setSize((int) a.sizeBytes()).setHash(hexToBytes(a.sha256())));
        }
        for (CanonicalClaim.Line line : c.lines()) {
            claim.addItem().setSequence(line.sequence())
                    .setProductOrService(new CodeableConcept(new Coding("urn:hmo-hub:service-code", line.serviceCode(),
                            line.description())).setText(line.description()))
                    .setServiced(new DateType(date(line.serviceDate())))
                    .setQuantity((SimpleQuantity) new SimpleQuantity().setValue(line.quantity()))
                    .setUnitPrice(money(line.unitPrice(), c.currency()))
                    .setNet(money(line.amount(), c.currency()));
        }
        claim.setTotal(money(c.total(), c.currency()));
        // HAPI's own cache: the R4 context, slow to build, is made once per process at first use, not at start.
        return FhirContext.forR4Cached().newJsonParser().setPrettyPrint(true).encodeResourceToString(claim);
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money().setValue(amount).setCurrency(currency);
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static byte[] hexToBytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}

package com.hmoexchange.hub.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The claim as every payer mapping reads it: one shape, whatever the payer wants. Mappings in
 * {@code mappings/<payer>/} turn this into the payer's format; docs/adding-a-payer.md describes it.
 */
public record CanonicalClaim(String claimNumber, String providerReference, String resubmissionOf, Instant submittedAt,
        String currency, BigDecimal total, Party provider, Party payer, Patient patient, Encounter visit,
        List<String> diagnoses, String paCode, List<Line> lines, List<Attachment> attachments) {

    public record Party(String code, String name) {
    }

    public record Patient(String enrolleeNumber, String firstName, String lastName, LocalDate dateOfBirth,
            String relationship, String principalNumber) {
    }

    public record Encounter(LocalDate encounterDate, LocalDate admissionDate, LocalDate dischargeDate) {
    }

    public record Line(int sequence, String serviceCode, String description, LocalDate serviceDate, int quantity,
            BigDecimal unitPrice, BigDecimal amount) {
    }

    public record Attachment(long id, String type, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    /** A supporting document with its bytes, for channels that carry files (email). */
    public record AttachmentFile(String fileName, String contentType, byte[] data) {
    }
}

package com.hmoexchange.hub.preauth;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file the practice sent with a pre-authorisation request (a referral letter, a scan report), or with its answer to
 * the HMO's question. The bytes live in the attachments module's store, read only when opened or sent to the payer;
 * once retention removed them (a request decided long ago) this record (name, type, size, digest) stays.
 */
@Entity
@Table(name = "preauthorisation_attachment")
public class PreAuthAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private Long contentId;
    /** Sent with the practice's answer to the HMO's question rather than with the request. */
    private boolean withAnswer;
    private String uploadedBy;
    private Instant uploadedAt;
    private Instant contentRemovedAt;

    protected PreAuthAttachment() {
    }

    PreAuthAttachment(String fileName, String contentType, long sizeBytes, String sha256, long contentId, boolean withAnswer,
            String uploadedBy, Instant uploadedAt) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.contentId = contentId;
        this.withAnswer = withAnswer;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public boolean isContentRemoved() {
        return contentRemovedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Long getContentId() {
        return contentId;
    }

    public boolean isWithAnswer() {
        return withAnswer;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public Instant getContentRemovedAt() {
        return contentRemovedAt;
    }
}

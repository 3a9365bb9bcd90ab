package com.hmoexchange.hub.claims;

import com.hmoexchange.hub.payers.AttachmentType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A supporting document on a claim. The bytes live in the attachments module's store, loaded only when asked for;
 * once the claim has been closed past its retention they are removed and this record (type, name, digest) stays.
 */
@Entity
@Table(name = "claim_attachment")
public class ClaimAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private AttachmentType type;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private Long contentId;
    private String uploadedBy;
    private Instant uploadedAt;
    /** When retention removed the content (then contentId is null). */
    private Instant contentRemovedAt;

    protected ClaimAttachment() {
    }

    ClaimAttachment(AttachmentType type, String fileName, String contentType, long sizeBytes, String sha256,
            Long contentId, String uploadedBy, Instant uploadedAt) {
        this.type = type;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.contentId = contentId;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    ClaimAttachment copy() {
        return new ClaimAttachment(type, fileName, contentType, sizeBytes, sha256, contentId, uploadedBy, uploadedAt);
    }

    public boolean isContentRemoved() {
        return contentRemovedAt != null;
    }

    public Long getId() {
        return id;
    }

    public AttachmentType getType() {
        return type;
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

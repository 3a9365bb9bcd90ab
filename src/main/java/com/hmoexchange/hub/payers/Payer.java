package com.hmoexchange.hub.payers;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * An HMO or insurer that pays claims. Its settings come from {@code mappings/<code>/payer.yaml};
 * the row mirrors the fields the core needs so claims can refer to it.
 */
@Entity
public class Payer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String claimFormat;
    @Column(name = "required_attachments")
    @Convert(converter = AttachmentTypesConverter.class)
    private Set<AttachmentType> requiredAttachments = EnumSet.noneOf(AttachmentType.class);
    private int staleAfterDays;
    private Instant updatedAt;
    /** The HMO (organisation) that owns this payer; null until the platform administrator records it. */
    private Long hmoId;

    protected Payer() {
    }

    Payer(PayerSettings definition) {
        this.code = definition.code();
        update(definition);
    }

    void update(PayerSettings definition) {
        this.name = definition.name();
        this.channel = definition.channel();
        this.claimFormat = definition.format().code();
        this.requiredAttachments = definition.requiredAttachments().isEmpty()
                ? EnumSet.noneOf(AttachmentType.class) : EnumSet.copyOf(definition.requiredAttachments());
        this.staleAfterDays = definition.staleAfterDays();
        this.updatedAt = Instant.now();
    }

    /** Records the HMO that owns this payer (mappings/ say how to reach the payer, not who it belongs to). */
    public void belongTo(long hmoId) {
        this.hmoId = hmoId;
    }

    public Long getHmoId() {
        return hmoId;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Channel getChannel() {
        return channel;
    }

    public ClaimFormat getClaimFormat() {
        return ClaimFormat.valueOf(claimFormat.toUpperCase(java.util.Locale.ROOT));
    }

    public Set<AttachmentType> getRequiredAttachments() {
        return Set.copyOf(requiredAttachments);
    }

    public int getStaleAfterDays() {
        return staleAfterDays;
    }
}

package com.hmoexchange.hub.claims;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of an attachment, kept in the database so they are transactional with the claim and
 * shared by every hub node. A resubmitted claim refers to the same content as its original.
 */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private byte[] data;

    protected AttachmentContent() {
    }

    AttachmentContent(byte[] data) {
        this.data = data;
    }

    public Long getId() {
        return id;
    }

    public byte[] getData() {
        return data;
    }
}

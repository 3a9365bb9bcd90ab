package com.hmoexchange.hub.attachments;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The bytes of an attachment (a claim's or a pre-authorisation request's), kept in the database so they are
 * transactional with what holds them and shared by every hub node. A resubmitted claim refers to the same content as
 * its original. Reached through {@link AttachmentStore}.
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

    Long getId() {
        return id;
    }

    byte[] getData() {
        return data;
    }
}

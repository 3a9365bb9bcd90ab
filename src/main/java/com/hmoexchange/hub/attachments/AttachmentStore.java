package com.hmoexchange.hub.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps attachments' bytes for the modules that hold attachments (claims, pre-authorisation): checks a file against
 * {@link AttachmentPolicy}, stores it and gives back what the holder records (content id, safe name, detected type,
 * size, SHA-256). Checking and keeping are separate so a holder can check every file of a request before storing any.
 */
@Service
@Transactional
public class AttachmentStore {

    private final AttachmentContentRepository contents;
    private final AttachmentPolicy policy;

    AttachmentStore(AttachmentContentRepository contents, AttachmentPolicy policy) {
        this.contents = contents;
        this.policy = policy;
    }

    /** A file that passed the checks: its safe name, the type read from its first bytes, and the bytes. */
    public record Checked(String fileName, String contentType, byte[] data) {
    }

    /** A file kept: what its holder records. */
    public record Stored(long contentId, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    /** Refuses, as InvalidInput on {@code field}, an empty file, one over the size limit, or one not PDF, JPEG or PNG. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Checked check(String field, String originalName, byte[] data) {
        AttachmentPolicy.Accepted accepted = policy.check(field, originalName, data);
        return new Checked(accepted.fileName(), accepted.contentType(), data);
    }

    public Stored keep(Checked file) {
        AttachmentContent content = contents.save(new AttachmentContent(file.data()));
        return new Stored(content.getId(), file.fileName(), file.contentType(), file.data().length, sha256(file.data()));
    }

    /** Checks and keeps one file. */
    public Stored keep(String field, String originalName, byte[] data) {
        return keep(check(field, originalName, data));
    }

    @Transactional(readOnly = true)
    public byte[] read(long contentId) {
        return contents.findById(contentId).orElseThrow().getData();
    }

    public void delete(long contentId) {
        contents.deleteById(contentId);
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return policy.maxBytes();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

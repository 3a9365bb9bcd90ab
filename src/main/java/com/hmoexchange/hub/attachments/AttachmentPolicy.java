package com.hmoexchange.hub.attachments;

import com.hmoexchange.hub.common.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What the hub accepts as an attachment (on a claim or a pre-authorisation request): PDF, JPEG or PNG, recognised by their first bytes
 * (the declared content type is not trusted), up to a size limit. The file name is kept only as a
 * label: any path in it is dropped and odd characters replaced; the bytes are stored by id.
 */
@Component
class AttachmentPolicy {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._() -]");

    private final long maxBytes;

    AttachmentPolicy(AttachmentSettings settings) {
        this.maxBytes = settings.maxBytes();
    }

    record Accepted(String fileName, String contentType) {
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Refuses (as {@link InvalidInput} on {@code field}) an empty file, one over the limit, or one of another type. */
    Accepted check(String field, String originalName, byte[] data) {
        if (data.length == 0) {
            throw new InvalidInput(field, "The file is empty.");
        }
        if (data.length > maxBytes) {
            throw new InvalidInput(field, "The file is " + data.length + " bytes; the limit is " + maxBytes + " bytes.");
        }
        String contentType = detect(data);
        if (contentType == null) {
            throw new InvalidInput(field, "Only PDF, JPEG and PNG files are accepted; this file is none of them.");
        }
        return new Accepted(safeName(originalName, contentType), contentType);
    }

    static String safeName(String originalName, String contentType) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNSAFE.matcher(name).replaceAll("_").trim();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        String extension = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        if (name.isBlank()) {
            return "attachment" + extension;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean hasExtension = lower.endsWith(extension) || (extension.equals(".jpg") && lower.endsWith(".jpeg"));
        return hasExtension ? name : name + extension;
    }

    private static String detect(byte[] d) {
        if (startsWith(d, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (startsWith(d, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(d, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package com.hmoexchange.hub.mailintake;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a mail's parts within the limits, without reading more than a limit of any part: over IMAP a part's
 * size comes from the server's BODYSTRUCTURE before any content is fetched, and each part is then read up to
 * its limit and no further, so a part whose size the server misstated is still caught.
 */
final class MailReader {

    private final long maxAttachment;
    private final long maxMail;

    MailReader(MailIntakeSettings settings) {
        this.maxAttachment = settings.maxAttachmentSize().toBytes();
        this.maxMail = settings.maxMailSize().toBytes();
    }

    /** A mail or a part of one over a size limit; nothing of it is read further. */
    static final class OverLimit extends Exception {
        OverLimit(String message) {
            super(message);
        }
    }

    /** The whole mail as sent (RFC 5322), at most the mail limit. */
    byte[] raw(Message message) throws MessagingException, IOException, OverLimit {
        if (message.getSize() > maxMail) {
            throw overMail(message.getSize());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(new LimitedOutput(out, maxMail));
        } catch (IOException | MessagingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof LimitedOutput.Exceeded) {
                    throw overMail(-1);
                }
            }
            throw e;
        }
        return out.toByteArray();
    }

    ReceivedMail read(Message message) throws MessagingException, IOException, OverLimit {
        if (message.getSize() > maxMail) {
            throw overMail(message.getSize());
        }
        List<ReceivedMail.Attachment> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        walk(message, attachments, text);
        return new ReceivedMail(ReceivedMail.LIVE, senders(message), subject(message), attachments,
                attachments.isEmpty() ? text.toString() : "");
    }

    private void walk(Part part, List<ReceivedMail.Attachment> attachments, StringBuilder text)
            throws MessagingException, IOException, OverLimit {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                walk(parts.getBodyPart(i), attachments, text);
            }
            return;
        }
        String name = fileName(part);
        if (name != null) {
            if (part.getSize() > maxAttachment) {
                throw overAttachment(name, part.getSize());
            }
            attachments.add(new ReceivedMail.Attachment(name, bounded(part, name)));
        } else if (text.isEmpty() && part.isMimeType("text/plain")) {
            byte[] content = bounded(part, "the mail's text");
            text.append(new String(content, charset(part)));
        }
    }

    private byte[] bounded(Part part, String name) throws MessagingException, IOException, OverLimit {
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxAttachment + 1));
            if (content.length > maxAttachment) {
                throw overAttachment(name, -1);
            }
            return content;
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) ? "attachment" : null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    private static java.nio.charset.Charset charset(Part part) {
        try {
            String charset = new jakarta.mail.internet.ContentType(part.getContentType()).getParameter("charset");
            return charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(MimeUtility.javaCharset(charset));
        } catch (MessagingException | IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static List<String> senders(Message message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (MessagingException unreadable) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (Address address : from == null ? new Address[0] : from) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                addresses.add(internet.getAddress().toLowerCase(Locale.ROOT));
            }
        }
        return addresses;
    }

    static String subject(Message message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            return "";
        }
    }

    private OverLimit overMail(long size) {
        return new OverLimit("The mail is larger than the hub takes (" + (size > 0 ? size + " bytes; " : "")
                + "at most " + maxMail + " bytes per mail, hub.mail.intake.max-mail-size). Nothing in it was read or applied: "
                + "ask the sender to send its files in several mails.");
    }

    private OverLimit overAttachment(String name, long size) {
        return new OverLimit("Attachment " + name + " is larger than the hub takes (" + (size > 0 ? size + " bytes; " : "")
                + "at most " + maxAttachment + " bytes per attachment, hub.mail.intake.max-attachment-size). Nothing in the mail "
                + "was applied: ask the sender to split the file.");
    }

    /** Passes bytes on until the limit, then refuses: the mail is never copied past it. */
    private static final class LimitedOutput extends OutputStream {

        static final class Exceeded extends IOException {
        }

        private final OutputStream out;
        private final long limit;
        private long written;

        LimitedOutput(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) throws Exceeded {
            written += n;
            if (written > limit) {
                throw new Exceeded();
            }
        }
    }
}

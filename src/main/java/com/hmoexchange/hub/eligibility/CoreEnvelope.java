package com.hmoexchange.hub.eligibility;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The CAQH CORE connectivity envelope in its HTTP MIME multipart form (Phase II Connectivity Rule, CORERuleVersion
 * 2.2.0): a {@code multipart/form-data} body whose fields are PayloadType, ProcessingMode (RealTime), PayloadID,
 * PayloadLength, TimeStamp, SenderID, ReceiverID, CORERuleVersion, Checksum (SHA-1 of the payload, hex) and Payload
 * (the X12 itself); an answer adds ErrorCode ({@code Success} when it carries a payload) and ErrorMessage. The hub
 * authenticates with its bearer token in the HTTP Authorization header rather than the envelope's UserName/Password.
 * Written with Spring's form converter, read with Jakarta Mail's MIME parser.
 */
public record CoreEnvelope(String payloadType, String payloadId, Instant timeStamp, String senderId, String receiverId,
        String errorCode, String errorMessage, String payload) {

    public static final String RULE_VERSION = "2.2.0";
    public static final String REAL_TIME = "RealTime";
    public static final String REQUEST_270 = "X12_270_Request_005010X279A1";
    public static final String RESPONSE_271 = "X12_271_Response_005010X279A1";
    public static final String SUCCESS = "Success";

    /** The envelope as sent over HTTP: its Content-Type (with the boundary) and body. */
    public record Written(String contentType, byte[] body) {
    }

    public Written write() {
        MultiValueMap<String, Object> fields = new LinkedMultiValueMap<>();
        fields.add("PayloadType", payloadType);
        fields.add("ProcessingMode", REAL_TIME);
        fields.add("PayloadID", payloadId);
        fields.add("PayloadLength", String.valueOf(payload.getBytes(StandardCharsets.UTF_8).length));
        fields.add("TimeStamp", timeStamp.truncatedTo(ChronoUnit.SECONDS).toString());
        fields.add("SenderID", senderId);
        fields.add("ReceiverID", receiverId);
        fields.add("CORERuleVersion", RULE_VERSION);
        fields.add("Checksum", sha1(payload));
        if (errorCode != null) {
            fields.add("ErrorCode", errorCode);
            fields.add("ErrorMessage", errorMessage == null ? "" : errorMessage);
        }
        fields.add("Payload", payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpHeaders headers = new HttpHeaders();
        FormHttpMessageConverter converter = new FormHttpMessageConverter();
        converter.setMultipartCharset(StandardCharsets.UTF_8);
        try {
            converter.write(fields, MediaType.MULTIPART_FORM_DATA, new HttpOutputMessage() {
                @Override
                public OutputStream getBody() {
                    return out;
                }

                @Override
                public HttpHeaders getHeaders() {
                    return headers;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a CORE envelope in memory", e);
        }
        return new Written(headers.getContentType().toString(), out.toByteArray());
    }

    /**
     * Reads an answer's envelope; {@link PayerUnreachable} when it is not multipart/form-data with a PayloadType, when
     * its ErrorCode is not Success, or when its Checksum or PayloadLength does not match the payload.
     */
    static CoreEnvelope read(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new PayerUnreachable("its answer is not a CORE envelope (multipart/form-data) but "
                    + (contentType == null ? "has no content type" : contentType.split(";")[0]));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                String[] disposition = part.getHeader("Content-Disposition");
                String name = disposition == null ? null : new ContentDisposition(disposition[0]).getParameter("name");
                if (name != null) {
                    fields.putIfAbsent(name, new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (MessagingException | IOException e) {
            throw new PayerUnreachable("its CORE envelope could not be read (" + e.getMessage() + ")");
        }
        String errorCode = fields.get("ErrorCode");
        if (errorCode != null && !SUCCESS.equals(errorCode.trim())) {
            String message = fields.getOrDefault("ErrorMessage", "").trim();
            throw new PayerUnreachable("its CORE envelope reports " + errorCode.trim() + (message.isEmpty() ? "" : ": " + message));
        }
        String payloadType = fields.get("PayloadType");
        String payload = fields.get("Payload");
        if (payloadType == null || payload == null) {
            throw new PayerUnreachable("its CORE envelope has no " + (payloadType == null ? "PayloadType" : "Payload"));
        }
        String checksum = fields.get("Checksum");
        if (checksum != null && !checksum.isBlank() && !checksum.trim().equalsIgnoreCase(sha1(payload))) {
            throw new PayerUnreachable("its CORE envelope's Checksum does not match its Payload");
        }
        Instant at;
        try {
            at = fields.containsKey("TimeStamp") ? Instant.parse(fields.get("TimeStamp").trim()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            at = null; // the envelope's own time says nothing about the member's cover
        }
        return new CoreEnvelope(payloadType.trim(), fields.getOrDefault("PayloadID", "").trim(), at,
                fields.getOrDefault("SenderID", "").trim(), fields.getOrDefault("ReceiverID", "").trim(), errorCode,
                fields.get("ErrorMessage"), payload);
    }

    static String sha1(String payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}

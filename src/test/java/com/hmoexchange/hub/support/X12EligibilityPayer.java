package com.hmoexchange.hub.support;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP payer for X12 eligibility (Zenith in tests), parsing the hub's CAQH CORE envelope with Jakarta Mail (not
 * the hub's own reader) and answering one of Zenith's golden 271 samples (mappings/zenith-care/samples/eligibility-
 * &lt;answer&gt;.in.x12), with the sample's reference EL-1 and member number changed to the request's, in a CORE
 * envelope it writes itself. A test picks the answer ({@link #answer}), or answers a raw body or a status instead.
 */
public final class X12EligibilityPayer {

    public static final String TOKEN = "test-zenith-eligibility-token";
    private static final Path SAMPLES = Path.of("mappings/zenith-care/samples");
    private static final Pattern TRN = Pattern.compile("TRN\\*1\\*([^*~]+)");
    private static final Pattern MEMBER = Pattern.compile("NM1\\*IL\\*1\\*[^~]*\\*MI\\*([^*~\\s]+)");
    private static final String BOUNDARY = "zenith-core-boundary";

    private final HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile String answer = "covered";
    private volatile int status = 200;
    private volatile StandInServer.Answer raw;

    X12EligibilityPayer() {
        server = StandInServer.start("/eligibility", (exchange, body) -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (status != 200) {
                return new StandInServer.Answer(status, "text/plain", "down");
            }
            Map<String, String> fields = fields(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            received.add(fields);
            if (raw != null) {
                return raw;
            }
            String x12 = fields.getOrDefault("Payload", "");
            String reply = sample(answer).replace("EL-1", find(TRN, x12)).replaceAll("ZCA-4\\d{4}", find(MEMBER, x12));
            return new StandInServer.Answer(200, "multipart/form-data; boundary=" + BOUNDARY, envelope(Map.of(
                    "PayloadType", "X12_271_Response_005010X279A1", "ProcessingMode", "RealTime", "PayloadID", "ZEN-1",
                    "TimeStamp", "2026-12-02T09:00:01Z", "SenderID", "ZENITH-CARE", "ReceiverID", "HMOHUB",
                    "CORERuleVersion", "2.2.0", "ErrorCode", "Success", "ErrorMessage", "", "Payload", reply)));
        });
    }

    public String url() {
        return StandInServer.url(server, "/eligibility");
    }

    /** The envelopes received (while up), their fields by name. */
    public List<Map<String, String>> received() {
        return List.copyOf(received);
    }

    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** Which golden 271 to answer next: covered, not-covered, rejected (AAA 75), busy (AAA 42). Set back to covered after. */
    public void answer(String sample) {
        this.answer = sample;
        this.raw = null;
    }

    /** Answers exactly this (for garbage, a 999, a bad envelope); null goes back to the samples. */
    public void answerRaw(int status, String contentType, String body) {
        this.raw = body == null ? null : new StandInServer.Answer(status, contentType, body);
    }

    /** The HTTP status to answer with (anything but 200: plain text). Set back to 200 after a test. */
    public void status(int status) {
        this.status = status;
    }

    /** A CORE envelope as a payer writes it: multipart/form-data with the given fields, in order. */
    public static String envelope(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        new LinkedHashMap<>(fields).forEach((name, value) -> body.append("--").append(BOUNDARY).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        return body.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    public static String boundaryContentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    public static String sample(String name) {
        try {
            return Files.readString(SAMPLES.resolve("eligibility-" + name + ".in.x12"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> fields(String contentType, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(body.getBytes(StandardCharsets.UTF_8), contentType));
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                String name = new ContentDisposition(part.getHeader("Content-Disposition")[0]).getParameter("name");
                fields.put(name, new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            fields.put("unreadable", String.valueOf(e.getMessage()));
        }
        return fields;
    }

    private static String find(Pattern pattern, String x12) {
        Matcher m = pattern.matcher(x12);
        return m.find() ? m.group(1) : "?";
    }
}

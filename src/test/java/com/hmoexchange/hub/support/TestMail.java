package com.hmoexchange.hub.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A real SMTP/IMAP server (GreenMail) for the whole test run, on free ports; the hub sends to it.
 * Tests use unique addresses, so each reads only its own mail.
 */
public final class TestMail {

    /**
     * The authserv-id the hub trusts in tests (hub.mail.intake.authserv-id): this server stands in for the hub's own
     * mail server, and a test mail carries the Authentication-Results header that server would have written.
     */
    public static final String AUTHSERV_ID = "mx.hub.test";

    /** The hub's intake address for bulk request emails (an IMAP account on this server). */
    public static final String INTAKE = "intake@hub.test";
    public static final String INTAKE_PASSWORD = "intake-test-secret";

    private static final GreenMail SERVER = start();

    private TestMail() {
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        server.start();
        server.setUser(INTAKE, INTAKE, INTAKE_PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static GreenMail server() {
        return SERVER;
    }

    /**
     * A mail to the intake mailbox with a CSV file attached, ready for {@code Transport.send}; with a fixed
     * Message-ID when one is given (the same id however often it is sent, as a resend would be).
     */
    public static MimeMessage toIntakeWithCsv(String from, String subject, String text, String fileName, String csv,
            String messageId) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", messageId);
                }
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(INTAKE));
        message.setSubject(subject);
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setContent(csv, "text/csv; charset=UTF-8");
        attachment.setFileName(fileName);
        message.setContent(new MimeMultipart(body, attachment));
        authenticated(message);
        message.saveChanges();
        return message;
    }

    /**
     * Adds the Authentication-Results header the hub's mail server writes for a mail whose DKIM signature and DMARC
     * check passed for its sender's domain (RFC 8601, as opendkim and opendmarc write it).
     */
    public static MimeMessage authenticated(MimeMessage message) throws MessagingException {
        String from = ((InternetAddress) message.getFrom()[0]).getAddress();
        String domain = from.substring(from.indexOf('@') + 1);
        message.addHeader("Authentication-Results", AUTHSERV_ID + "; dkim=pass (2048-bit key) header.d=" + domain
                + " header.s=mail; dmarc=pass (p=reject dis=none) header.from=" + domain);
        return message;
    }

    /**
     * Crestline's answer to a claim by email (FHIR ClaimResponse) to its answers mailbox, not yet sent: line 2 not
     * covered, so the claim becomes PARTIAL when it is applied.
     */
    public static MimeMessage crestlineAnswer(String from, String subject, String claimNumber) throws MessagingException {
        String response = """
                {"resourceType": "ClaimResponse", "status": "active", "use": "claim", "outcome": "complete",
                 "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%s"}},
                 "item": [{"itemSequence": 2, "adjudication": [{"category": {"coding": [{"code": "benefit"}]},
                   "amount": {"value": 0, "currency": "NGN"}, "reason": {"coding": [{"code": "NC", "display": "Not covered"}]}}]}]}
                """.formatted(claimNumber);
        return mail(from, PayerSandboxes.CRESTLINE_ANSWERS, subject, "claim-response.fhir.json", "application/fhir+json", response);
    }

    /** A new mail from the sender to the address, with a text and one attachment, not yet sent (no header added). */
    public static MimeMessage mail(String from, String to, String subject, String fileName, String contentType, String content)
            throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        MimeBodyPart body = new MimeBodyPart();
        body.setText("Please find our file attached.");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                content.getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType)));
        attachment.setFileName(fileName);
        message.setContent(new MimeMultipart(body, attachment));
        return message;
    }

    public static int smtpPort() {
        return SERVER.getSmtp().getPort();
    }

    public static int imapPort() {
        return SERVER.getImap().getPort();
    }

    /**
     * Sends a mail with one attachment through this server's SMTP, as a payer's system would (a fresh Message-ID),
     * with DKIM and DMARC passed by the hub's mail server (see {@link #authenticated}).
     */
    public static void sendAttachment(String from, String to, String subject, String fileName, String contentType, String content) {
        try {
            jakarta.mail.Transport.send(authenticated(mail(from, to, subject, fileName, contentType, content)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message received for the address, as subject and plain-text body. */
    public record Mail(String to, String subject, String body) {
    }

    public static List<Mail> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .filter(m -> recipients(m).stream().anyMatch(address::equalsIgnoreCase))
                .map(m -> new Mail(address, subject(m), GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=")))
                .toList();
    }

    /** Waits (up to 20 s) until the address has received a mail whose subject contains the text. */
    public static Mail awaitMail(String address, String subjectContains) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> to(address).stream()
                .filter(m -> m.subject().contains(subjectContains)).findFirst().orElse(null), m -> m != null);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(a -> a.toString()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

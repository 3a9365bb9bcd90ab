package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.claims.CanonicalClaim;
import com.hmoexchange.hub.claims.ClaimDeliveries;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.activation.DataHandler;
import java.io.IOException;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.EmailSection;
import com.hmoexchange.hub.payers.PayerSettings;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.Attachment;
import org.apache.camel.attachment.AttachmentMessage;
import org.apache.camel.attachment.DefaultAttachment;
import org.springframework.stereotype.Component;

/**
 * Builds the email to a payer that takes claims by mail: the claim file in the payer's format and
 * the supporting documents as attachments, and a subject a person can file by.
 */
@Component
class EmailComposer implements ClaimChannel {

    private final ClaimDeliveries deliveries;
    private final ObjectMapper json;
    private final ClaimMailSettings settings;

    EmailComposer(ClaimDeliveries deliveries, ObjectMapper json, ClaimMailSettings settings) {
        this.deliveries = deliveries;
        this.json = json;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** The body is the claim file; it becomes an attachment of a mail with a readable summary. */
    @Override
    public void prepare(Exchange exchange, PayerSettings payer, String key) throws IOException {
        CanonicalClaim claim = json.readValue(exchange.getProperty(Dispatcher.CANONICAL, String.class), CanonicalClaim.class);
        String extension = payer.format().fileExtension();
        byte[] claimFile = exchange.getMessage().getBody(String.class).getBytes(StandardCharsets.UTF_8);
        String amount = claim.currency() + " " + new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.UK)).format(claim.total());
        String patient = claim.patient().firstName() + " " + claim.patient().lastName();

        AttachmentMessage mail = exchange.getMessage(AttachmentMessage.class);
        mail.setHeader("To", payer.section(EmailSection.class).to());
        mail.setHeader("From", settings.from());
        mail.setHeader("Subject", "Claim " + claim.claimNumber() + " | " + patient + " (" + claim.patient().enrolleeNumber()
                + ") | " + amount);
        mail.setHeader("X-Hub-Idempotency-Key", key);
        // The same Message-ID for every send of the claim, so the payer's mail system (and people) can tell a repeat;
        // a send after an attempt whose outcome is unknown names the mail it may repeat.
        String messageId = "<" + key + "@" + domainOf(settings.from()) + ">";
        mail.setHeader("Message-ID", messageId);
        if (Boolean.TRUE.equals(exchange.getProperty(Dispatcher.REPEAT, Boolean.class))) {
            mail.setHeader("X-Hub-Repeat-Of", messageId);
        }
        mail.setHeader("Content-Type", "text/plain; charset=UTF-8");
        mail.setBody("Claim " + claim.claimNumber() + " (provider reference " + claim.providerReference() + ") from "
                + claim.provider().name() + "\r\nPatient: " + patient + ", enrollee " + claim.patient().enrolleeNumber()
                + "\r\nTotal: " + amount + " for " + claim.lines().size() + " service(s)"
                + "\r\nAttached: the claim file (" + key + extension + ") and " + claim.attachments().size()
                + " supporting document(s).\r\n");
        mail.addAttachmentObject(key + extension, inBase64(claimFile, payer.format().contentType()));
        for (CanonicalClaim.AttachmentFile file : deliveries.attachmentFiles(claim.claimNumber())) {
            mail.addAttachmentObject(file.fileName(), inBase64(file.data(), file.contentType()));
        }
    }

    /**
     * Every file goes in base64, so it arrives byte for byte: a file that happens to be plain ASCII (a claim file, some
     * PDFs) would otherwise go as 7bit text and have its line ends rewritten on the way.
     */
    private static Attachment inBase64(byte[] data, String contentType) {
        DefaultAttachment attachment = new DefaultAttachment(new DataHandler(new ByteArrayDataSource(data, contentType)));
        attachment.setHeader("Content-Transfer-Encoding", "base64");
        return attachment;
    }

    private static String domainOf(String from) {
        String address = from.replaceAll(".*<([^>]*)>.*", "$1").trim();
        int at = address.lastIndexOf('@');
        return at < 0 ? "hub.invalid" : address.substring(at + 1);
    }
}

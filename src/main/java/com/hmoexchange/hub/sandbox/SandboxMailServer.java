package com.hmoexchange.hub.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's mail server: SMTP for everything the hub sends (claims to the email payer), IMAP to read
 * it back. Every address accepts mail; a mailbox is readable over IMAP with the demo password, or at
 * GET /sandbox/mailboxes/{address}. Demo profile only.
 */
@Component
@Profile("demo")
public class SandboxMailServer implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailServer.class);

    private final int smtpPort;
    private final int imapPort;
    private final String password;
    private GreenMail greenMail;

    SandboxMailServer(@Value("${HUB_MAIL_PORT:3025}") int smtpPort, @Value("${HUB_SANDBOX_IMAP_PORT:3143}") int imapPort,
            @Value("${hub.demo.password}") String password) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.password = password;
    }

    public record Mail(String from, String to, String subject, List<String> attachments) {
    }

    @Override
    public void afterPropertiesSet() {
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser("claims@crestline.example", "claims@crestline.example", password);
        log.info("Sandbox mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}", smtpPort, imapPort);
    }

    /** The mail received for an address, oldest first. */
    public List<Mail> mailbox(String address) throws Exception {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessagesForDomain(address)) {
            if (!List.of(message.getAllRecipients()).stream().map(Object::toString).anyMatch(address::equalsIgnoreCase)) {
                continue;
            }
            List<String> attachments = new ArrayList<>();
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.getFileName() != null) {
                        attachments.add(part.getFileName());
                    }
                }
            }
            mails.add(new Mail(String.valueOf(message.getFrom()[0]), address, message.getSubject(), attachments));
        }
        return mails;
    }

    @Override
    public void destroy() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}

package com.hmoexchange.hub.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's sandbox mail server (GreenMail): the hub sends its emails to it over SMTP, and anyone can
 * read any address's mail over IMAP (user and password are both the address), for example with
 * {@code curl -u hr@dangote-cement.example:hr@dangote-cement.example 'imap://127.0.0.1:3143/INBOX;UID=1'}.
 * Nothing leaves the machine. Demo profile only.
 */
@Configuration
@Profile("demo")
class DemoMailbox {

    @Bean(destroyMethod = "stop")
    GreenMail demoMailServer(DemoSettings settings) {
        int smtpPort = settings.mailbox().smtpPort();
        int imapPort = settings.mailbox().imapPort();
        String answersMailbox = settings.mailbox().answersMailbox();
        GreenMail server = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                // Any address gets a mailbox on first mail; its login and password are the address itself.
                .withConfiguration(GreenMailConfiguration.aConfig());
        server.start();
        // The hub polls its mailbox for Crestline's answers from the start, before any mail reached it.
        server.setUser(answersMailbox, answersMailbox, answersMailbox);
        return server;
    }
}

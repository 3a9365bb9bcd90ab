package com.hmoexchange.hub.payers;

/** The payer's claims mailbox ({@code email:}); the hub sends through its own SMTP server. */
public record EmailSection(String to) implements ChannelSection {

    static EmailSection read(PayerYaml.Section email) {
        email.only("to");
        return new EmailSection(email.text("to", ""));
    }
}

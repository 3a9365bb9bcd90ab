package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import org.apache.camel.Exchange;

/**
 * What one {@link Channel} needs around the send: the headers (or the mail) the claim file goes out with, and
 * what the payer's answer to a successful send says. Each is a bean; the {@link Dispatcher} finds it by its
 * channel. The address itself comes from {@code payers.PayerAddresses}.
 */
interface ClaimChannel {

    Channel channel();

    /** Route step, before the send: the body is the claim file, the message has no headers yet. */
    void prepare(Exchange exchange, PayerSettings payer, String idempotencyKey) throws IOException;

    /**
     * Before a claim goes again after an attempt whose outcome is unknown (started, never ended): whether the payer's
     * side shows it already has the claim, so it need not go again. Only a channel that can look answers yes.
     */
    default boolean foundAtPayer(PayerSettings payer, String idempotencyKey) throws IOException {
        return false;
    }

    /** After a successful send: the payer's reference and whether it says it registered the claim. */
    default Acceptance accepted(Exchange exchange, PayerSettings payer) {
        return Acceptance.NONE;
    }

    record Acceptance(String reference, boolean received) {
        static final Acceptance NONE = new Acceptance(null, false);
    }
}

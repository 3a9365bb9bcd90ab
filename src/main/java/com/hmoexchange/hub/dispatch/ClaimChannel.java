package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.PayerSettings;
import java.io.IOException;
import java.util.Collection;
import java.util.Set;
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
     * Before claims go again after attempts whose outcome is unknown (started, never ended): which of them the payer's
     * side shows it already has, so they need not go again. Asked once for all such claims of a batch to one payer.
     * Only a channel that can look finds any.
     */
    default Set<String> foundAtPayer(PayerSettings payer, Collection<String> idempotencyKeys) throws IOException {
        return Set.of();
    }

    /** After a successful send: the payer's reference and whether it says it registered the claim. */
    default Acceptance accepted(Exchange exchange, PayerSettings payer) {
        return Acceptance.NONE;
    }

    record Acceptance(String reference, boolean received) {
        static final Acceptance NONE = new Acceptance(null, false);
    }
}

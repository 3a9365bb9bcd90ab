package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.PayerSettings;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** SCRATCH: claims as files in the payer's shared folder, named by their idempotency key. */
@Component
class FolderClaimChannel implements ClaimChannel {

    @Override
    public Channel channel() {
        return Channel.FOLDER;
    }

    @Override
    public void prepare(Exchange exchange, PayerSettings payer, String idempotencyKey) {
        exchange.getMessage().setHeader(Exchange.FILE_NAME, idempotencyKey + payer.format().fileExtension());
    }
}

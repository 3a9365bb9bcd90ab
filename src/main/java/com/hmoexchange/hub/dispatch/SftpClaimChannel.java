package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.PayerSettings;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Claims as files in the payer's SFTP folder, named by their idempotency key, so a repeat overwrites itself. */
@Component
class SftpClaimChannel implements ClaimChannel {

    @Override
    public Channel channel() {
        return Channel.SFTP;
    }

    @Override
    public void prepare(Exchange exchange, PayerSettings payer, String idempotencyKey) {
        exchange.getMessage().setHeader(Exchange.FILE_NAME, idempotencyKey + payer.format().fileExtension());
    }
}

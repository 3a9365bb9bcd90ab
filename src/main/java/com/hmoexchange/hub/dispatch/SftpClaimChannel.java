package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.PayerAddresses;
import com.hmoexchange.hub.payers.PayerSettings;
import com.hmoexchange.hub.payers.SftpSection;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.springframework.stereotype.Component;

/**
 * Claims as files in the payer's SFTP folder, named by their idempotency key, so a repeat overwrites itself.
 * After an attempt whose outcome is unknown, the folder is looked at first: a file of that name means the
 * earlier upload arrived, and the claim is not uploaded again (a payer that already collected it is not seen).
 */
@Component
class SftpClaimChannel implements ClaimChannel {

    private final CamelContext camel;
    private final PayerAddresses addresses;

    SftpClaimChannel(CamelContext camel, PayerAddresses addresses) {
        this.camel = camel;
        this.addresses = addresses;
    }

    @Override
    public Channel channel() {
        return Channel.SFTP;
    }

    @Override
    public void prepare(Exchange exchange, PayerSettings payer, String idempotencyKey) {
        exchange.getMessage().setHeader(Exchange.FILE_NAME, fileName(payer, idempotencyKey));
    }

    @Override
    public boolean foundAtPayer(PayerSettings payer, String idempotencyKey) {
        SftpEndpoint endpoint = camel.getEndpoint(addresses.claimsOut(payer), SftpEndpoint.class);
        RemoteFileOperations<?> sftp = endpoint.createRemoteFileOperations();
        try {
            sftp.connect(endpoint.getConfiguration(), null);
            return sftp.existsFile(payer.section(SftpSection.class).directory() + "/" + fileName(payer, idempotencyKey));
        } finally {
            sftp.disconnect();
        }
    }

    private static String fileName(PayerSettings payer, String idempotencyKey) {
        return idempotencyKey + payer.format().fileExtension();
    }
}

package com.hmoexchange.hub.dispatch;

import com.hmoexchange.hub.payers.Channel;
import com.hmoexchange.hub.payers.PayerAddresses;
import com.hmoexchange.hub.payers.PayerSettings;
import com.hmoexchange.hub.payers.SftpSection;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.remote.RemoteFileOperations;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.springframework.stereotype.Component;

/**
 * Claims as files in the payer's SFTP folder, named by their idempotency key, so a repeat overwrites itself.
 * After an attempt whose outcome is unknown, the folder is looked at first: a file of that name means the
 * earlier upload arrived, and the claim is not uploaded again; so does one in the folder the payer moves the files
 * it collected to, when payer.yaml names it ({@code sftp.collectedDirectory}). A payer that deletes what it collects
 * cannot be seen this way.
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

    /**
     * Lists, over one connection, the claims folder and the folder the payer moves collected files to
     * ({@code sftp.collectedDirectory}, when payer.yaml names one): a claim whose file is in either arrived.
     */
    @Override
    public Set<String> foundAtPayer(PayerSettings payer, Collection<String> idempotencyKeys) {
        SftpSection section = payer.section(SftpSection.class);
        SftpEndpoint endpoint = camel.getEndpoint(addresses.claimsOut(payer), SftpEndpoint.class);
        RemoteFileOperations<SftpRemoteFile> sftp = endpoint.createRemoteFileOperations();
        Set<String> there = new HashSet<>();
        try {
            sftp.connect(endpoint.getConfiguration(), null);
            there.addAll(fileNames(sftp, section.directory()));
            if (!section.collectedDirectory().isBlank()) {
                there.addAll(fileNames(sftp, section.collectedDirectory()));
            }
        } finally {
            sftp.disconnect();
        }
        return idempotencyKeys.stream().filter(key -> there.contains(fileName(payer, key))).collect(Collectors.toSet());
    }

    /** The names in a folder; none when the folder is not there yet (a payer that has collected nothing so far). */
    private static Set<String> fileNames(RemoteFileOperations<SftpRemoteFile> sftp, String folder) {
        try {
            return Arrays.stream(sftp.listFiles(folder)).map(SftpRemoteFile::getFilename).collect(Collectors.toSet());
        } catch (GenericFileOperationFailedException e) {
            if (e.getCause() instanceof SftpException sftpError && sftpError.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return Set.of();
            }
            throw e;
        }
    }

    private static String fileName(PayerSettings payer, String idempotencyKey) {
        return idempotencyKey + payer.format().fileExtension();
    }
}

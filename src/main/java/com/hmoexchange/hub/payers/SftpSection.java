package com.hmoexchange.hub.payers;

/**
 * The payer's SFTP server ({@code sftp:}): claims go to {@code directory}, answers are taken from the responses
 * folder with the same login. The server's host key must be in {@code knownHostsFile} unless
 * {@code strictHostKeyChecking} is false. {@code collectedDirectory}, when set, is where the payer moves the claim
 * files it has taken: a claim file found there was collected, so the claim is not uploaded again.
 */
public record SftpSection(String host, int port, String username, String password, String privateKeyFile,
        String knownHostsFile, boolean strictHostKeyChecking, String directory,
        String collectedDirectory) implements ChannelSection {

    static SftpSection read(PayerYaml.Section sftp) {
        sftp.only("host", "port", "username", "password", "privateKeyFile", "knownHostsFile", "strictHostKeyChecking", "directory",
                "collectedDirectory");
        return new SftpSection(sftp.text("host", ""), sftp.number("port", 22), sftp.text("username", ""), sftp.text("password", ""),
                sftp.text("privateKeyFile", ""), sftp.text("knownHostsFile", ""), sftp.bool("strictHostKeyChecking", true),
                sftp.text("directory", ""), sftp.text("collectedDirectory", ""));
    }

    @Override
    public String toString() {
        return "SftpSection[" + username + "@" + host + ":" + port + "/" + directory + "]";
    }
}

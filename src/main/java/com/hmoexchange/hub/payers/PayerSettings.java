package com.hmoexchange.hub.payers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One payer's {@code mappings/<code>/payer.yaml}, read and checked once at start ({@link PayerCatalog}),
 * with every {@code ${NAME:default}} resolved from the environment. Immutable; the rest of the hub reads
 * these records, never the file. Values that come from the environment (addresses, logins) may be blank
 * until the payer goes live: the endpoint that needs one says so when it is used ({@link PayerAddresses}).
 *
 * @param folder the payer's folder, where its mappings and samples live
 * @param mapping the JSONata file that shapes the claim, for formats that use one ({@link ClaimFormat#mapped()})
 * @param staleAfterDays the payer's service level: days without news after which a claim is flagged stale
 * @param alerts when operators are alerted about this payer (operations; docs/operations.md#incidents)
 */
public record PayerSettings(String code, String name, Path folder, Channel channel, ClaimFormat format, Path mapping,
        List<AttachmentType> requiredAttachments, int staleAfterDays, Http http, Sftp sftp, Email email,
        List<String> csvColumns, Responses responses, Alerts alerts) {

    public PayerSettings {
        requiredAttachments = List.copyOf(requiredAttachments);
        csvColumns = List.copyOf(csvColumns);
    }

    /**
     * The payer's own incident thresholds (its payer.yaml's {@code alerts:}); one left out (null) takes the
     * hub's default (hub.operations.alerts).
     */
    public record Alerts(Duration failingFor, Duration silentFor, Duration requestsPendingFor) {

        public static final Alerts NONE = new Alerts(null, null, null);
    }

    /** The HTTP section; present when the channel is {@link Channel#HTTP}. */
    public Http http() {
        return section(http, "http");
    }

    /** The SFTP login; present when claims or answers go over SFTP. */
    public Sftp sftp() {
        return section(sftp, "sftp");
    }

    /** The email section; present when the channel is {@link Channel#EMAIL}. */
    public Email email() {
        return section(email, "email");
    }

    public boolean hasSftp() {
        return sftp != null;
    }

    private <T> T section(T value, String name) {
        if (value == null) {
            throw new IllegalStateException("payer.yaml of " + code + " has no '" + name + "' section");
        }
        return value;
    }

    public enum HttpAuth {
        NONE, BEARER, BASIC
    }

    /**
     * The payer's claims API. {@code referenceField} and {@code statusField} name where its 2xx answer
     * carries its reference and status; {@code receivedWhen} lists the statuses that mean it registered the claim.
     */
    public record Http(String url, HttpAuth auth, String token, String username, String password, String referenceField,
            String statusField, Set<String> receivedWhen) {

        public Http {
            receivedWhen = Set.copyOf(receivedWhen);
        }

        @Override
        public String toString() {
            return "Http[url=" + url + ", auth=" + auth + "]";
        }
    }

    /**
     * The payer's SFTP server: claims go to {@code directory}, answers are taken from the responses folder.
     * The server's host key must be in {@code knownHostsFile} unless {@code strictHostKeyChecking} is false.
     */
    public record Sftp(String host, int port, String username, String password, String privateKeyFile,
            String knownHostsFile, boolean strictHostKeyChecking, String directory) {

        @Override
        public String toString() {
            return "Sftp[" + username + "@" + host + ":" + port + "/" + directory + "]";
        }
    }

    /** The payer's claims mailbox. */
    public record Email(String to) {
    }

    /** A mailbox the payer's answers arrive in, read over IMAP. */
    public record Imap(String host, int port, String protocol, String username, String password, String folder) {

        public boolean configured() {
            return !host.isBlank();
        }

        @Override
        public String toString() {
            return "Imap[" + protocol + "://" + username + "@" + host + ":" + port + "/" + folder + "]";
        }
    }

    /** Which of the payer's CSV columns holds which of the hub's fields, and what its status words mean. */
    public record CsvAnswers(Map<String, String> columns, Map<String, String> statuses) {

        public CsvAnswers {
            columns = Map.copyOf(columns);
            statuses = Map.copyOf(statuses);
        }
    }

    /**
     * How the payer answers: in which formats, over which channels (a folder of its SFTP server, a mailbox,
     * signed callbacks), and how its own formats are read.
     *
     * @param formats the formats it answers in; with one, every document is read as that format
     * @param mapping the JSONata file for its JSON answers
     * @param sftpDirectory the folder of its SFTP server where it drops answers; empty: none
     * @param callbackSecret the HMAC key of its signed callbacks; empty: it sends none
     */
    public record Responses(List<ResponseFormat> formats, Path mapping, CsvAnswers csv, String sftpDirectory, Imap email,
            String callbackSecret) {

        public static final Responses NONE = new Responses(List.of(), null, new CsvAnswers(Map.of(), Map.of()), "", null, "");

        public Responses {
            formats = List.copyOf(formats);
        }

        /** The one format every document is read as, when the payer answers in only one. */
        public Optional<ResponseFormat> onlyFormat() {
            return formats.size() == 1 ? Optional.of(formats.get(0)) : Optional.empty();
        }

        public Optional<Imap> mailbox() {
            return Optional.ofNullable(email).filter(Imap::configured);
        }

        public boolean callbacks() {
            return !callbackSecret.isBlank();
        }

        @Override
        public String toString() {
            return "Responses[formats=" + formats + ", sftpDirectory=" + sftpDirectory + ", email=" + email + "]";
        }
    }
}

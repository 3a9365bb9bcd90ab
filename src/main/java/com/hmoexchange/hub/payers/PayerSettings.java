package com.hmoexchange.hub.payers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One payer's {@code mappings/<code>/payer.yaml}, read and checked once at start ({@link PayerCatalog}),
 * with every {@code ${NAME:default}} resolved from the environment. Immutable; the rest of the hub reads
 * these records, never the file. Values that come from the environment (addresses, logins) may be blank
 * until the payer goes live: the endpoint that needs one says so when it is used ({@link PayerAddresses}).
 *
 * @param folder the payer's folder, where its mappings and samples live
 * @param mapping the JSONata file that shapes the claim, for formats that use one ({@link ClaimFormat#mapped()})
 * @param staleAfterDays the payer's service level: days without news after which a claim is flagged stale
 * @param sections the settings of each channel whose section payer.yaml has: always the payer's {@code channel},
 *        and {@code sftp} when answers are taken from its SFTP server
 * @param alerts when operators are alerted about this payer (operations; docs/operations.md#incidents)
 * @param preauthorisation how it takes pre-authorisation requests (docs/pre-authorisation.md); NONE: it takes none
 * @param eligibility how a member's cover is checked (docs/eligibility.md); without the section, from the hub's roster
 */
public record PayerSettings(String code, String name, Path folder, Channel channel, ClaimFormat format, Path mapping,
        List<AttachmentType> requiredAttachments, int staleAfterDays, Map<Channel, ChannelSection> sections,
        List<String> csvColumns, Responses responses, Alerts alerts, PreAuthorisationSection preauthorisation,
        EligibilitySection eligibility) {

    public PayerSettings {
        requiredAttachments = List.copyOf(requiredAttachments);
        sections = Map.copyOf(sections);
        csvColumns = List.copyOf(csvColumns);
    }

    /**
     * The payer's own incident thresholds (its payer.yaml's {@code alerts:}); one left out (null) takes the
     * hub's default (hub.operations.alerts).
     */
    public record Alerts(Duration failingFor, Duration silentFor, Duration requestsPendingFor) {

        public static final Alerts NONE = new Alerts(null, null, null);
    }

    /** The settings of a channel, for example {@code section(SftpSection.class)}; refused when payer.yaml has no such section. */
    public <S extends ChannelSection> S section(Class<S> type) {
        Channel channel = Channel.of(type);
        ChannelSection section = sections.get(channel);
        if (section == null) {
            throw new IllegalStateException("payer.yaml of " + code + " has no '" + channel.code() + "' section");
        }
        return type.cast(section);
    }

    public boolean has(Class<? extends ChannelSection> type) {
        return sections.containsKey(Channel.of(type));
    }

    /**
     * A mailbox the payer's answers arrive in, read over IMAP.
     *
     * @param senders who may answer: addresses or {@code @domain}s, lower case; mails from others are held
     * @param authenticationRequired whether the hub's mail server must have found DKIM and DMARC to pass
     *     (docs/security.md#email-intake); on unless payer.yaml says {@code authentication: none}
     */
    public record Imap(String host, int port, String protocol, String username, String password, String folder,
            List<String> senders, boolean authenticationRequired) {

        public Imap {
            senders = List.copyOf(senders);
        }

        public boolean configured() {
            return !host.isBlank();
        }

        @Override
        public String toString() {
            return "Imap[" + protocol + "://" + username + "@" + host + ":" + port + "/" + folder + ", senders=" + senders
                    + ", authentication=" + (authenticationRequired ? "required" : "none") + "]";
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
     * @param callbackPreviousSecret the key it signed with before, still accepted while the payer rotates to the new
     *                               one (both valid at once); empty once the rotation is over
     */
    public record Responses(List<ResponseFormat> formats, Path mapping, CsvAnswers csv, String sftpDirectory, Imap email,
            String callbackSecret, String callbackPreviousSecret) {

        public static final Responses NONE = new Responses(List.of(), null, new CsvAnswers(Map.of(), Map.of()), "", null, "", "");

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

        /** The keys a callback may be signed with: the current one, and the previous one during a rotation. */
        public List<String> callbackSecrets() {
            return java.util.stream.Stream.of(callbackSecret, callbackPreviousSecret).filter(s -> !s.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "Responses[formats=" + formats + ", sftpDirectory=" + sftpDirectory + ", email=" + email + "]";
        }
    }
}

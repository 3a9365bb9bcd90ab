package com.hmoexchange.hub.payers;

import com.hmoexchange.hub.payers.PayerSettings.Imap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every Camel endpoint address of a payer, outgoing (claims by HTTP, SFTP or email) and incoming (its answers
 * on SFTP or in a mailbox), built by one set of rules:
 * <ul>
 * <li>Secrets go in {@code RAW(...)} so Camel takes them as they are and masks them in logs; the {@code describe}
 * forms leave them out, for the message store.</li>
 * <li>SFTP, both ways: the server's host key must be listed in {@code sftp.knownHostsFile} (OpenSSH format) and
 * unknown keys are refused, unless the payer's {@code sftp.strictHostKeyChecking} is false. The login is a
 * private key when {@code privateKeyFile} is set, else the password.</li>
 * <li>Answers on SFTP are taken in the payer's order: its file time, then the file name, so a 999 is read
 * before the 277CA written after it.</li>
 * </ul>
 * A value the address needs but the environment left blank fails here, naming the payer and the field.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
public class PayerAddresses {

    private final MailProperties mail;

    /** Claims to email payers go through the hub's one SMTP server (spring.mail, from HUB_MAIL_*). */
    PayerAddresses(MailProperties mail) {
        this.mail = mail;
    }

    /** Where the payer's claims are sent, with its credentials. */
    public String claimsOut(PayerSettings payer) {
        return switch (payer.channel()) {
            case HTTP -> needed(payer, "http.url", payer.section(HttpSection.class).url());
            case SFTP -> sftp(payer, payer.section(SftpSection.class).directory(), true)
                    // Uploaded as .tmp-<name> and renamed when complete. fastExistsCheck: before the rename, ask for the
                    // one file instead of listing the whole folder, which grows with every claim.
                    + "&tempPrefix=.tmp-&fastExistsCheck=true";
            case EMAIL -> smtp(true);
        };
    }

    /** The same target as {@link #claimsOut}, without secrets: for the message store. */
    public String describeClaimsOut(PayerSettings payer) {
        return switch (payer.channel()) {
            case HTTP -> "POST " + needed(payer, "http.url", payer.section(HttpSection.class).url());
            case SFTP -> sftp(payer, payer.section(SftpSection.class).directory(), false);
            case EMAIL -> "mailto:" + needed(payer, "email.to", payer.section(EmailSection.class).to()) + " via " + smtp(false);
        };
    }

    /** The value of the Authorization header for an HTTP payer, or null when it takes none. */
    public String authorization(PayerSettings payer) {
        HttpSection http = payer.section(HttpSection.class);
        return switch (http.auth()) {
            case BEARER -> "Bearer " + needed(payer, "http.token", http.token());
            case BASIC -> "Basic " + Base64.getEncoder().encodeToString(
                    (http.username() + ":" + http.password()).getBytes(StandardCharsets.UTF_8));
            case NONE -> null;
        };
    }

    /** Whether the payer drops answers in a folder of an SFTP server the hub can reach. */
    public boolean answersOnSftp(PayerSettings payer) {
        return !payer.responses().sftpDirectory().isBlank() && payer.has(SftpSection.class)
                && !payer.section(SftpSection.class).host().isBlank();
    }

    /**
     * The payer's answers folder, as a poller: files not starting with a dot, oldest first (then by name), each
     * under the read lock of the named idempotent repository, moved aside where the intake says
     * ({@code exchangeProperty.hubMoveTo}).
     */
    public String sftpAnswers(PayerSettings payer, long pollDelayMillis, String readLockRepository) {
        return sftp(payer, payer.responses().sftpDirectory(), true) + "&delay=" + pollDelayMillis
                + "&sortBy=file:modified;file:name&exclude=RAW(^\\..*)&readLock=idempotent&idempotentRepository=#"
                + readLockRepository + "&readLockRemoveOnCommit=true&idempotent=false"
                + "&move=RAW(${exchangeProperty.hubMoveTo})&throwExceptionOnConnectFailed=false";
    }

    /** The payer's answers folder, to write quarantine reports into. */
    public String sftpAnswerReports(PayerSettings payer) {
        return sftp(payer, payer.responses().sftpDirectory(), true);
    }

    /**
     * The mailbox the payer's answers arrive in: unseen mails, left on the server. Each is handed over as the mail
     * itself (mapMailMessage=false), so the intake checks its sender and authentication and the sizes of its parts
     * before reading any of them (mailintake/MailIntake).
     */
    public String imapAnswers(PayerSettings payer, long pollDelayMillis) {
        Imap imap = payer.responses().mailbox().orElseThrow(() -> new IllegalStateException(
                "payer.yaml of " + payer.code() + " needs responses.email.host"));
        return imap.protocol() + "://" + imap.host() + ":" + imap.port() + "?username=" + encode(imap.username())
                + "&password=" + raw(imap.password()) + "&folderName=" + encode(imap.folder())
                + "&unseen=true&delete=false&mapMailMessage=false&delay=" + pollDelayMillis;
    }

    private String sftp(PayerSettings payer, String directory, boolean withSecrets) {
        SftpSection sftp = payer.section(SftpSection.class);
        StringBuilder uri = new StringBuilder("sftp://").append(encode(sftp.username())).append('@')
                .append(needed(payer, "sftp.host", sftp.host())).append(':').append(sftp.port()).append('/').append(directory);
        if (!withSecrets) {
            return uri.toString();
        }
        // The SSH session is kept between files (a new one costs a key exchange); a dropped one is reopened.
        uri.append("?connectTimeout=5000&timeout=15000&useUserKnownHostsFile=false");
        if (sftp.strictHostKeyChecking()) {
            String knownHosts = needed(payer, "sftp.knownHostsFile", sftp.knownHostsFile(),
                    ": the hub only talks to an SFTP server whose host key it knows (or set sftp.strictHostKeyChecking: false)");
            uri.append("&strictHostKeyChecking=yes&knownHostsFile=").append(encode(knownHosts));
        } else {
            uri.append("&strictHostKeyChecking=no");
        }
        if (!sftp.privateKeyFile().isBlank()) {
            uri.append("&privateKeyFile=").append(encode(sftp.privateKeyFile()));
        } else {
            uri.append("&password=").append(raw(sftp.password()));
        }
        return uri.toString();
    }

    private String smtp(boolean withSecrets) {
        if (mail.getHost() == null || mail.getHost().isBlank()) {
            throw new IllegalStateException("No SMTP server is configured for claims by email: set HUB_MAIL_HOST (and HUB_MAIL_PORT)");
        }
        StringBuilder uri = new StringBuilder("smtp://").append(mail.getHost()).append(':')
                .append(mail.getPort() == null ? 25 : mail.getPort());
        if (withSecrets && mail.getUsername() != null && !mail.getUsername().isBlank()) {
            uri.append("?username=").append(encode(mail.getUsername())).append("&password=")
                    .append(raw(mail.getPassword() == null ? "" : mail.getPassword()));
        }
        return uri.toString();
    }

    private static String needed(PayerSettings payer, String field, String value) {
        return needed(payer, field, value, "");
    }

    private static String needed(PayerSettings payer, String field, String value, String why) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("payer.yaml of " + payer.code() + " needs " + field + why);
        }
        return value;
    }

    /** A secret as Camel takes it verbatim: RAW(...), or RAW{...} when it holds a closing parenthesis. */
    private static String raw(String secret) {
        return secret.contains(")") ? "RAW{" + secret + "}" : "RAW(" + secret + ")";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

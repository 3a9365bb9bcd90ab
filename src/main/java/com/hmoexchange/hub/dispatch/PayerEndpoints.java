package com.hmoexchange.hub.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.payers.PayerCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a payer's channel settings (payer.yaml, secrets already resolved from the environment) into
 * the Camel endpoint the dispatch route sends to. Secrets go in RAW{...} so Camel takes them as they are and masks them in logs;
 * {@link #describe} gives the same target without them, for the message store.
 */
@Component
class PayerEndpoints {

    private final PayerCatalog catalog;
    private final String mailHost;
    private final int mailPort;
    private final String mailUser;
    private final String mailPassword;
    private final String mailFrom;

    /** Claims to email payers go through the hub's one SMTP server (spring.mail, from HUB_MAIL_*). */
    PayerEndpoints(PayerCatalog catalog, @Value("${spring.mail.host:}") String mailHost, @Value("${spring.mail.port:25}") int mailPort,
            @Value("${spring.mail.username:}") String mailUser, @Value("${spring.mail.password:}") String mailPassword,
            @Value("${hub.mail.from}") String mailFrom) {
        this.catalog = catalog;
        this.mailHost = mailHost;
        this.mailPort = mailPort;
        this.mailUser = mailUser;
        this.mailPassword = mailPassword;
        this.mailFrom = mailFrom;
    }

    String channel(String payer) {
        return catalog.document(payer).path("channel").asText().toLowerCase(Locale.ROOT);
    }

    String format(String payer) {
        return catalog.document(payer).path("format").asText().toLowerCase(Locale.ROOT);
    }

    /** The payer's JSONata mapping from the canonical claim. */
    java.nio.file.Path mappingFile(String payer) {
        String file = catalog.document(payer).path("mapping").asText("claim-out.jsonata");
        return catalog.folder(payer).resolve(file).toAbsolutePath().normalize();
    }

    String uri(String payer) {
        JsonNode doc = catalog.document(payer);
        return switch (channel(payer)) {
            case "http" -> required(doc, "http", "url");
            case "sftp" -> sftp(doc.path("sftp"), true);
            case "email" -> smtp(true);
            default -> throw new IllegalStateException("Payer " + payer + " has no channel Camel can send to");
        };
    }

    String describe(String payer) {
        JsonNode doc = catalog.document(payer);
        return switch (channel(payer)) {
            case "http" -> "POST " + required(doc, "http", "url");
            case "sftp" -> sftp(doc.path("sftp"), false);
            case "email" -> "mailto:" + required(doc, "email", "to") + " via " + smtp(false);
            default -> "unknown";
        };
    }

    /** The value of the Authorization header for an HTTP payer, or null when it takes none. */
    String authorization(String payer) {
        JsonNode http = catalog.document(payer).path("http");
        String auth = http.path("auth").asText("none").toLowerCase(Locale.ROOT);
        return switch (auth) {
            case "bearer" -> "Bearer " + required(catalog.document(payer), "http", "token");
            case "basic" -> "Basic " + Base64.getEncoder().encodeToString(
                    (http.path("username").asText() + ":" + http.path("password").asText()).getBytes(StandardCharsets.UTF_8));
            default -> null;
        };
    }

    JsonNode settings(String payer) {
        return catalog.document(payer);
    }

    String mailFrom() {
        return mailFrom;
    }

    private String sftp(JsonNode sftp, boolean withSecrets) {
        StringBuilder uri = new StringBuilder("sftp://").append(encode(sftp.path("username").asText()))
                .append('@').append(sftp.path("host").asText()).append(':').append(sftp.path("port").asInt(22))
                .append('/').append(sftp.path("directory").asText(""));
        if (!withSecrets) {
            return uri.toString();
        }
        // The SSH session is kept between files (a new one costs a key exchange); a dropped one is reopened.
        // fastExistsCheck: before the rename, ask for the one file instead of listing the whole folder, which grows with every claim.
        uri.append("?tempPrefix=.tmp-&fastExistsCheck=true&connectTimeout=5000&timeout=15000&useUserKnownHostsFile=false");
        String knownHosts = sftp.path("knownHostsFile").asText("");
        if (knownHosts.isBlank()) {
            throw new IllegalStateException("payer.yaml of " + sftp.path("host").asText()
                    + " needs sftp.knownHostsFile: the hub only uploads to a server whose host key it knows");
        }
        uri.append("&strictHostKeyChecking=yes&knownHostsFile=").append(encode(knownHosts));
        String key = sftp.path("privateKeyFile").asText("");
        if (!key.isBlank()) {
            uri.append("&privateKeyFile=").append(encode(key));
        } else {
            uri.append("&password=RAW{").append(sftp.path("password").asText()).append('}');
        }
        return uri.toString();
    }

    private String smtp(boolean withSecrets) {
        if (mailHost.isBlank()) {
            throw new IllegalStateException("No SMTP server is configured for claims by email: set HUB_MAIL_HOST (and HUB_MAIL_PORT)");
        }
        StringBuilder uri = new StringBuilder("smtp://").append(mailHost).append(':').append(mailPort);
        if (withSecrets && !mailUser.isBlank()) {
            uri.append("?username=").append(encode(mailUser)).append("&password=RAW{").append(mailPassword).append('}');
        }
        return uri.toString();
    }

    private static String required(JsonNode doc, String section, String field) {
        String value = doc.path(section).path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalStateException("payer.yaml of " + doc.path("code").asText() + " needs " + section + "." + field);
        }
        return value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

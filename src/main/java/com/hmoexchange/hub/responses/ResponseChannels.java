package com.hmoexchange.hub.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.payers.PayerCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One inbound route per payer and channel, made at start-up from the route templates in
 * routes/payer-responses.camel.yaml and each payer.yaml's {@code responses} section: an SFTP poller of the
 * payer's outbound folder, an IMAP poller of the mailbox its responses arrive in. (Callbacks need no route:
 * see {@link CallbackController}.) What was taken is kept in the database, so every node can poll.
 */
@Configuration
class ResponseChannels {

    private static final Logger log = LoggerFactory.getLogger(ResponseChannels.class);

    /** The read lock on SFTP files: one node takes a file at a time; released when the file is moved aside. */
    @Bean
    JdbcMessageIdRepository payerResponseFileLocks(DataSource dataSource) {
        return repository(dataSource, "payer-responses-sftp");
    }

    /** Emails already taken, by Message-ID. */
    @Bean
    JdbcMessageIdRepository payerResponseEmails(DataSource dataSource) {
        return repository(dataSource, "payer-responses-email");
    }

    private static JdbcMessageIdRepository repository(DataSource dataSource, String processor) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, processor);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @Bean
    CamelContextConfiguration payerResponseRoutes(PayerCatalog catalog, @Value("${hub.responses.poll-delay}") long delay) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                for (String payer : catalog.codes().stream().sorted().toList()) {
                    JsonNode settings = catalog.document(payer);
                    JsonNode responses = settings.path("responses");
                    String folder = responses.path("sftp").path("directory").asText("");
                    if (!folder.isBlank() && !settings.path("sftp").path("host").asText("").isBlank()) {
                        add(camel, "payer-responses-sftp", "responses-sftp-" + payer, payer,
                                sftpUri(settings.path("sftp"), folder, delay), sftpUri(settings.path("sftp"), folder, 0));
                    }
                    JsonNode email = responses.path("email");
                    if (!email.path("host").asText("").isBlank()) {
                        add(camel, "payer-responses-email", "responses-email-" + payer, payer, imapUri(email, delay), "");
                    }
                }
            }
        };
    }

    private static void add(CamelContext camel, String template, String routeId, String payer, String uri, String reportUri) {
        try {
            TemplatedRouteBuilder.builder(camel, template).routeId(routeId).parameter("payer", payer)
                    .parameter("uri", uri).parameter("reportUri", reportUri.isEmpty() ? "log:none" : reportUri).add();
            log.info("Listening for {}'s responses: route {}", payer, routeId);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start route " + routeId + " for payer " + payer + ": " + e.getMessage(), e);
        }
    }

    /**
     * The payer's outbound folder on its SFTP server (the same server and login as for claims). A consumer
     * (delay above 0) takes files not starting with a dot, under the JDBC read lock, and moves each aside as the
     * intake decides (.done or .quarantine); a producer (delay 0) writes quarantine reports there.
     */
    static String sftpUri(JsonNode sftp, String folder, long delay) {
        StringBuilder uri = new StringBuilder("sftp://").append(encode(sftp.path("username").asText())).append('@')
                .append(sftp.path("host").asText()).append(':').append(sftp.path("port").asInt(22)).append('/').append(folder)
                .append("?connectTimeout=5000&timeout=15000&useUserKnownHostsFile=false&strictHostKeyChecking=yes")
                .append("&knownHostsFile=").append(encode(sftp.path("knownHostsFile").asText("")));
        String key = sftp.path("privateKeyFile").asText("");
        if (!key.isBlank()) {
            uri.append("&privateKeyFile=").append(encode(key));
        } else {
            uri.append("&password=RAW(").append(sftp.path("password").asText()).append(')');
        }
        if (delay > 0) {
            uri.append("&delay=").append(delay).append("&exclude=RAW(^\\..*)&readLock=idempotent")
                    .append("&idempotentRepository=#payerResponseFileLocks&readLockRemoveOnCommit=true&idempotent=false")
                    .append("&move=RAW(${exchangeProperty.hubMoveTo})&throwExceptionOnConnectFailed=false");
        }
        return uri.toString();
    }

    static String imapUri(JsonNode email, long delay) {
        String protocol = email.path("protocol").asText("imaps");
        return protocol + "://" + email.path("host").asText() + ":" + email.path("port").asInt("imaps".equals(protocol) ? 993 : 143)
                + "?username=" + encode(email.path("username").asText()) + "&password=RAW(" + email.path("password").asText()
                + ")&folderName=" + encode(email.path("folder").asText("INBOX")) + "&unseen=true&delete=false&delay=" + delay;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.payers.PayerAddresses;
import com.hmoexchange.hub.payers.PayerCatalog;
import com.hmoexchange.hub.payers.PayerSettings;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One inbound route per payer and channel, made at start-up from the route templates in
 * routes/payer-responses.camel.yaml and each payer.yaml's {@code responses} section: an SFTP poller of the
 * payer's outbound folder (files oldest first, then by name), an IMAP poller of the mailbox its responses arrive
 * in; their addresses come from {@link PayerAddresses}. (Callbacks need no route: see {@link CallbackController}.)
 * Each poller is wrapped in Camel's {@code master:} endpoint, so one node at a time polls it, under a lock of its
 * own ({@code poll.payer.<code>.sftp}, {@code poll.payer.<code>.mail}; cluster/LockClusterService): the sources
 * of several payers may be held by different nodes. What was taken is kept in the database besides, so a file
 * or mail is taken once even in the seconds two nodes might both poll (a holder that stalled past its lock).
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
    CamelContextConfiguration payerResponseRoutes(PayerCatalog catalog, PayerAddresses addresses, ResponseIntakeSettings settings) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                for (PayerSettings payer : catalog.all()) {
                    if (addresses.answersOnSftp(payer)) {
                        add(camel, "payer-responses-sftp", "responses-sftp-" + payer.code(), payer.code(),
                                oneNodeAtATime(payer, "sftp", addresses.sftpAnswers(payer, settings.pollDelay(), "payerResponseFileLocks")),
                                addresses.sftpAnswerReports(payer));
                    }
                    if (payer.responses().mailbox().isPresent()) {
                        add(camel, "payer-responses-email", "responses-email-" + payer.code(), payer.code(),
                                oneNodeAtATime(payer, "mail", addresses.imapAnswers(payer, settings.pollDelay())), "");
                    }
                }
            }
        };
    }

    /** The poller under the lock named for the payer's source. */
    static String oneNodeAtATime(PayerSettings payer, String source, String uri) {
        return "master:poll.payer." + payer.code() + "." + source + ":" + uri;
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
}

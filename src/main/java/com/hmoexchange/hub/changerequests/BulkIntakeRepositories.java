package com.hmoexchange.hub.changerequests;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the bulk routes have already taken, in the database (table camel_messageprocessed, created by
 * Flyway): a file or email is taken once, across restarts and across hub nodes.
 */
@Configuration
class BulkIntakeRepositories {

    @Bean
    JdbcMessageIdRepository portalBulkFiles(DataSource dataSource) {
        return repository(dataSource, "portal-bulk-sftp");
    }

    @Bean
    JdbcMessageIdRepository portalBulkEmails(DataSource dataSource) {
        return repository(dataSource, "portal-bulk-email");
    }

    private static JdbcMessageIdRepository repository(DataSource dataSource, String processor) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, processor);
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}

package com.hmoexchange.hub.responses;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * Which failures of applying a payer document are worth another try (the document waits) and which
 * would only fail again (it is quarantined for a person), as the exceptions arrive from Spring, JPA,
 * Hibernate and the PostgreSQL driver.
 */
class RetryDecisionTests {

    @Test
    void a_database_out_of_reach_busy_or_slow_is_worth_another_try() {
        assertThat(PayerResponses.worthRetrying(new CannotGetJdbcConnectionException("no connection"))).isTrue();
        assertThat(PayerResponses.worthRetrying(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(PayerResponses.worthRetrying(new OptimisticLockException("a person changed the claim"))).isTrue();
        assertThat(PayerResponses.worthRetrying(new PersistenceException(new JDBCConnectionException("dropped",
                new PSQLException("connection reset", PSQLState.CONNECTION_FAILURE))))).isTrue();
        assertThat(PayerResponses.worthRetrying(new PersistenceException(new GenericJDBCException("deadlock",
                new PSQLException("deadlock detected", PSQLState.DEADLOCK_DETECTED))))).isTrue();
        assertThat(PayerResponses.worthRetrying(new PersistenceException(new GenericJDBCException("time-out",
                new PSQLException("canceling statement due to statement timeout", PSQLState.QUERY_CANCELED))))).isTrue();
    }

    @Test
    void what_the_database_refuses_or_a_doomed_transaction_would_fail_again() {
        assertThat(PayerResponses.worthRetrying(new DataIntegrityViolationException("numeric field overflow",
                new PSQLException("numeric field overflow", PSQLState.NUMERIC_VALUE_OUT_OF_RANGE)))).isFalse();
        assertThat(PayerResponses.worthRetrying(new UnexpectedRollbackException("marked rollback-only"))).isFalse();
        assertThat(PayerResponses.worthRetrying(new IllegalStateException("a bug"))).isFalse();
    }
}

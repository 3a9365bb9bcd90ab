package com.hmoexchange.hub.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByDigest(String digest);

    List<ApiToken> findByProviderIdOrderByCreatedAtDesc(long providerId);

    List<ApiToken> findByPayerIdOrderByCreatedAtDesc(long payerId);

    /** Notes a use without loading the row for writing; at most one write per token a minute (see ApiToken). */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :at)")
    int markUsed(long id, Instant at);
}

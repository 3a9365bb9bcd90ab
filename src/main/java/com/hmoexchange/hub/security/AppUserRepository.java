package com.hmoexchange.hub.security;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByEmail(String email);

    Optional<AppUser> findByEmail(String email);

    boolean existsByRole(Role role);

    List<AppUser> findByPayerIdAndRoleOrderByUsername(long payerId, Role role);

    List<AppUser> findByPayerIdInAndRoleOrderByUsername(Collection<Long> payerIds, Role role);

    List<AppUser> findByProviderIdOrderByUsername(long providerId);

    List<AppUser> findByRoleInOrderByUsername(Collection<Role> roles);

    /** The enabled users with the role, locked: to refuse taking away the last one while another request does too. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.role = :role and u.enabled = true")
    List<AppUser> lockEnabledByRole(Role role);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from AppUser u where u.providerId = :providerId and u.role = :role and u.enabled = true")
    List<AppUser> lockEnabledOfPractice(long providerId, Role role);
}

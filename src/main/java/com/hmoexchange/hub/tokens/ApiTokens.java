package com.hmoexchange.hub.tokens;

import com.hmoexchange.hub.common.Forbidden;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RequestRefused;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.web.Display;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients. A practice's OWNER or ADMIN makes tokens for the practice, an HMO_ADMIN for their
 * HMO; each token acts for that tenant only, with its scopes, until it expires or is revoked. A token is 32 random
 * bytes behind the prefix {@value #PREFIX}; only its SHA-256 digest is stored, so checking one is a digest and an
 * indexed look-up (no password hash per request), and a leaked database does not give working tokens.
 */
@Service
public class ApiTokens {

    public static final String PREFIX = "hubt_";
    /** The user name a token's requests act under: "token " and its name. */
    private static final String ACTING_AS = "token ";
    static final int MAX_DAYS = 366;
    static final int MAX_NAME = 60;

    private static final int RANDOM_BYTES = 32;
    /** base64url of 32 bytes without padding. */
    private static final int TOKEN_LENGTH = PREFIX.length() + 43;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]+");
    private static final Set<Role> MAKERS = EnumSet.of(Role.OWNER, Role.ADMIN, Role.HMO_ADMIN);

    private final ApiTokenRepository tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final Display show;

    ApiTokens(ApiTokenRepository tokens, ApplicationEventPublisher events, Clock clock, Display show) {
        this.show = show;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    /** A token as it is listed: never the token itself. */
    public record TokenView(long id, String name, String hint, List<String> scopes, String createdBy, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy, String status) {

        static TokenView of(ApiToken t, Instant now) {
            String status = t.getRevokedAt() != null ? "REVOKED" : now.isBefore(t.getExpiresAt()) ? "ACTIVE" : "EXPIRED";
            return new TokenView(t.getId(), t.getName(), t.getHint(), t.getScopes().stream().map(TokenScope::code).toList(),
                    t.getCreatedBy(), t.getCreatedAt(), t.getExpiresAt(), t.getLastUsedAt(), t.getRevokedAt(),
                    t.getRevokedBy(), status);
        }
    }

    /** A new token: the only time the token itself is given out. */
    public record Created(String token, TokenView details) {
    }

    /** The outcome of checking a presented token: who it acts as and with which scopes, or why it is refused. */
    record Check(HubUser actingAs, Set<TokenScope> scopes, long tokenId, String refusal) {

        static Check refused(String why) {
            return new Check(null, Set.of(), 0, why);
        }

        boolean accepted() {
            return refusal == null;
        }
    }

    @Transactional
    public Created create(HubUser maker, String name, Collection<String> scopeCodes, Integer expiresInDays) {
        mayManage(maker);
        boolean practice = maker.role() != Role.HMO_ADMIN;
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || !NAME.matcher(trimmed).matches()) {
            throw new InvalidInput("name", "Name the token after the system that will use it (1 to " + MAX_NAME
                    + " letters, digits, spaces, dots, dashes or underscores), e.g. 'practice-system'.");
        }
        Set<TokenScope> scopes = scopes(scopeCodes, practice);
        if (expiresInDays == null || expiresInDays < 1 || expiresInDays > MAX_DAYS) {
            throw new InvalidInput("expiresInDays", "A token expires after 1 to " + MAX_DAYS + " days; give expiresInDays.");
        }
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        ApiToken saved = tokens.save(new ApiToken(trimmed, digest(token), token.substring(0, PREFIX.length() + 4) + "…",
                scopes, practice ? Role.BILLING_STAFF : Role.HMO_ADMIN, practice ? maker.providerId() : null,
                practice ? null : maker.payerId(), maker.id(), maker.username(), now, now.plus(Duration.ofDays(expiresInDays))));
        events.publishEvent(new ApiTokenEvents.ApiTokenCreated(saved.getId(), saved.getName(),
                scopes.stream().map(TokenScope::code).toList(), saved.getProviderId(), saved.getPayerId(),
                saved.getExpiresAt(), maker.username(), now));
        return new Created(token, TokenView.of(saved, now));
    }

    /** The tokens of the maker's practice or HMO, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    public List<TokenView> list(HubUser user) {
        mayManage(user);
        Instant now = clock.instant();
        List<ApiToken> found = user.role() == Role.HMO_ADMIN ? tokens.findByPayerIdOrderByCreatedAtDesc(user.payerId())
                : tokens.findByProviderIdOrderByCreatedAtDesc(user.providerId());
        return found.stream().map(t -> TokenView.of(t, now)).toList();
    }

    @Transactional
    public TokenView revoke(HubUser user, long id) {
        mayManage(user);
        ApiToken token = tokens.findById(id).filter(t -> ours(user, t))
                .orElseThrow(() -> new NotFoundException("API token", id));
        Instant now = clock.instant();
        if (token.revoke(user.username(), now)) {
            events.publishEvent(new ApiTokenEvents.ApiTokenRevoked(token.getId(), token.getName(), token.getProviderId(),
                    token.getPayerId(), user.username(), now));
        }
        return TokenView.of(token, now);
    }

    /**
     * Checks a token presented as {@code Authorization: Bearer}. Notes when it was last used (at most once a minute,
     * so not a write per request) and publishes its first use of each day; a refusal is published for the audit log
     * (with a digest prefix of an unknown token, never the token).
     */
    @Transactional
    Check check(String presented, String remoteAddress, String endpoint) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() != TOKEN_LENGTH) {
            return refused(null, presented, "not an API token of this hub", endpoint, remoteAddress, "This is not an API token "
                    + "of this hub: tokens start with " + PREFIX + " and are shown once, when they are made.");
        }
        ApiToken token = tokens.findByDigest(digest(presented)).orElse(null);
        if (token == null) {
            return refused(null, presented, "unknown token", endpoint, remoteAddress, "This API token is not known to this hub. "
                    + "Check that it was copied whole, or ask your administrator for a new one.");
        }
        Instant now = clock.instant();
        String refusal = token.refusal(now, show::when);
        if (refusal != null) {
            return refused(token, presented, token.getRevokedAt() != null ? "revoked" : "expired", endpoint, remoteAddress, refusal);
        }
        if (token.lastUsedStale(now)) {
            Instant before = token.getLastUsedAt();
            if (tokens.markUsed(token.getId(), now) == 1 && (before == null
                    || !before.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate()))) {
                events.publishEvent(new ApiTokenEvents.ApiTokenUsed(token.getId(), token.getName(), token.getProviderId(),
                        token.getPayerId(), remoteAddress, now));
            }
        }
        HubUser actingAs = new HubUser(token.getCreatedByUserId(), ACTING_AS + token.getName(), "", token.getRole(),
                token.getProviderId(), token.getPayerId(), null, true);
        return new Check(actingAs, token.getScopes(), token.getId(), null);
    }

    private Check refused(ApiToken token, String presented, String why, String endpoint, String remoteAddress, String answer) {
        events.publishEvent(token == null
                ? new RequestRefused(RequestRefused.Kind.TOKEN_REFUSED, null, null, null, "api-token",
                        presented == null ? null : "sha256:" + digest(presented).substring(0, 8), why + ": " + endpoint, remoteAddress)
                : new RequestRefused(RequestRefused.Kind.TOKEN_REFUSED, "token:" + token.getName(), token.getProviderId(),
                        token.getPayerId(), "api-token", String.valueOf(token.getId()), why + ": " + endpoint, remoteAddress));
        return Check.refused(answer);
    }

    /** A token used outside its scopes (403), for the audit log. */
    void outOfScope(TokenAuthentication token, String endpoint, String remoteAddress) {
        HubUser actingAs = (HubUser) token.getPrincipal();
        events.publishEvent(new RequestRefused(RequestRefused.Kind.TOKEN_REFUSED,
                "token:" + actingAs.username().substring(ACTING_AS.length()), actingAs.providerId(), actingAs.payerId(),
                "api-token", String.valueOf(token.tokenId()), "outside its scopes: " + endpoint, remoteAddress));
    }

    private static Set<TokenScope> scopes(Collection<String> codes, boolean practice) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidInput("scopes", "Give the token one scope or more: " + allowed(practice) + ".");
        }
        EnumSet<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String code : codes) {
            TokenScope scope = TokenScope.ofCode(code).orElseThrow(() -> new InvalidInput("scopes",
                    "'" + code + "' is not a scope; choose from " + allowed(practice) + "."));
            if (!scope.side().allows(practice)) {
                throw new InvalidInput("scopes", scope.code() + " is for " + (practice ? "an HMO's" : "a practice's")
                        + " tokens; yours may have " + allowed(practice) + ".");
            }
            scopes.add(scope);
        }
        return scopes;
    }

    /** The scopes a token of a practice (or of an HMO) may have. */
    public static List<String> allowed(boolean practice) {
        return EnumSet.allOf(TokenScope.class).stream().filter(s -> s.side().allows(practice)).map(TokenScope::code).toList();
    }

    private static void mayManage(HubUser user) {
        if (!MAKERS.contains(user.role())
                || (user.role() == Role.HMO_ADMIN ? user.payerId() == null : user.providerId() == null)) {
            throw new Forbidden("API tokens are made and managed by a practice's OWNER or ADMIN, or an HMO's HMO_ADMIN.");
        }
    }

    private static boolean ours(HubUser user, ApiToken token) {
        return user.role() == Role.HMO_ADMIN ? user.payerId().equals(token.getPayerId())
                : user.providerId().equals(token.getProviderId());
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

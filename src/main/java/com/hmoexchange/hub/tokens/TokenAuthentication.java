package com.hmoexchange.hub.tokens;

import com.hmoexchange.hub.security.HubUser;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request signed in with an API token: the principal is the token's tenant as a {@link HubUser} (so services
 * scope data as for a person), and the authorities are only the token's scopes, never a role.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final HubUser actingAs;
    private final Set<TokenScope> scopes;
    private final long tokenId;

    TokenAuthentication(HubUser actingAs, Set<TokenScope> scopes, long tokenId) {
        super(scopes.stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.code())).toList());
        this.actingAs = actingAs;
        this.scopes = Set.copyOf(scopes);
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    Set<TokenScope> scopes() {
        return scopes;
    }

    long tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actingAs;
    }
}

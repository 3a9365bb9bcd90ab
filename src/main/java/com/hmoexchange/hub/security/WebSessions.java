package com.hmoexchange.hub.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a user's page sessions (kept in the database by Spring Session JDBC, shared by every hub node):
 * after they are disabled, their role changes or their password is replaced, their next click asks them
 * to sign in again. The API needs nothing of the kind: HTTP Basic checks the user on every request.
 */
@Component
public class WebSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    WebSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /** Deletes every page session the user is signed in with; returns how many there were. */
    public int endAllOf(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        var found = repository.findByPrincipalName(username).keySet();
        found.forEach(repository::deleteById);
        return found.size();
    }
}

package com.hmoexchange.hub.payers;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The payer's claims API ({@code http:}). {@code referenceField} and {@code statusField} name where its 2xx
 * answer carries its reference and status; {@code receivedWhen} lists the statuses that mean it registered the claim.
 */
public record HttpSection(String url, Auth auth, String token, String username, String password, String referenceField,
        String statusField, Set<String> receivedWhen) implements ChannelSection {

    public enum Auth {
        NONE, BEARER, BASIC
    }

    public HttpSection {
        receivedWhen = Set.copyOf(receivedWhen);
    }

    static HttpSection read(PayerYaml.Section http) {
        http.only("url", "auth", "token", "username", "password", "response");
        PayerYaml.Section response = http.section("response").only("reference", "status", "receivedWhen");
        Set<String> receivedWhen = new LinkedHashSet<>();
        response.list("receivedWhen").forEach(w -> receivedWhen.add(w.toUpperCase(Locale.ROOT)));
        return new HttpSection(http.text("url", ""), http.oneOf(Auth.class, "auth", "none"), http.text("token", ""),
                http.text("username", ""), http.text("password", ""), response.text("reference", "reference"),
                response.text("status", "status"), receivedWhen);
    }

    @Override
    public String toString() {
        return "HttpSection[url=" + url + ", auth=" + auth + "]";
    }
}

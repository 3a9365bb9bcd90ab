package com.hmoexchange.hub.mailintake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may send to one intake (a payer's answers mailbox, the clients' bulk-request address) and whether the
 * hub's own mail server must have vouched for the mail: DKIM and DMARC {@code pass} in an
 * {@code Authentication-Results} header written by that server (its authserv-id, {@code hub.mail.intake.authserv-id}).
 * Headers from any other authserv-id are ignored: a sender can write those itself.
 *
 * @param senders exact addresses ({@code answers@payer.example}) or whole domains ({@code @payer.example}), lower
 *     case; empty: nobody is allowed (every mail is held)
 * @param authenticationRequired whether DKIM and DMARC must pass
 */
public record IntakeRule(List<String> senders, boolean authenticationRequired, String allowed) {

    public IntakeRule {
        senders = senders.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        allowed = allowed == null ? "the allowed senders " + senders : allowed;
    }

    public IntakeRule(List<String> senders, boolean authenticationRequired) {
        this(senders, authenticationRequired, null);
    }

    /** Anyone whose address the caller already found to be one of its own (the clients' users): only the server's word counts. */
    public static IntakeRule anySender(boolean authenticationRequired) {
        return new IntakeRule(List.of("@"), authenticationRequired, "anyone");
    }

    /** Nobody: the caller knows no one by that address ({@code allowed} says who would be). */
    public static IntakeRule nobody(boolean authenticationRequired, String allowed) {
        return new IntakeRule(List.of(), authenticationRequired, allowed);
    }

    /**
     * What is wrong with the mail for this intake, each in words an operator can act on, with what was seen; empty
     * when it may be applied.
     */
    public List<String> problems(List<String> fromAddresses, List<String> authenticationResultsHeaders, String trustedAuthservId) {
        List<String> problems = new ArrayList<>();
        if (fromAddresses.size() != 1) {
            problems.add("The mail has " + fromAddresses.size() + " sender addresses (From); exactly one is needed.");
            return problems;
        }
        String from = fromAddresses.get(0).toLowerCase(Locale.ROOT);
        String domain = from.substring(from.lastIndexOf('@') + 1);
        if (!allows(from)) {
            problems.add("Sender " + from + " is not among " + allowed + ".");
        }
        if (!authenticationRequired) {
            return problems;
        }
        String trusted = trustedAuthservId == null ? "" : trustedAuthservId.trim().toLowerCase(Locale.ROOT);
        if (trusted.isEmpty()) {
            problems.add("The hub's mail server is not named (hub.mail.intake.authserv-id, HUB_MAIL_AUTHSERV_ID), so no "
                    + "Authentication-Results header is trusted.");
            return problems;
        }
        List<AuthenticationResults.Result> results = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String header : authenticationResultsHeaders) {
            AuthenticationResults parsed = AuthenticationResults.parse(header);
            if (parsed.authservId().equals(trusted)) {
                results.addAll(parsed.results());
            } else {
                others.add(parsed.authservId().isEmpty() ? "(unnamed)" : parsed.authservId());
            }
        }
        if (results.isEmpty()) {
            problems.add("No authentication result from the hub's mail server " + trusted + "."
                    + (others.isEmpty() ? "" : " Headers from " + others + " were ignored."));
            return problems;
        }
        List<AuthenticationResults.Result> dkim = of(results, "dkim");
        boolean dkimAligned = dkim.stream().anyMatch(r -> r.result().equals("pass") && signedFor(r).map(d -> aligned(domain, d)).orElse(false));
        if (!dkimAligned) {
            problems.add("DKIM did not pass for " + domain + ": " + seen(dkim) + ".");
        }
        List<AuthenticationResults.Result> dmarc = of(results, "dmarc");
        // Any DMARC word from the server other than pass (two headers disagreeing: one was forged) holds the mail.
        boolean dmarcPassed = !dmarc.isEmpty() && dmarc.stream().allMatch(r -> r.result().equals("pass")
                && r.property("header.from").map(f -> f.equalsIgnoreCase(domain)).orElse(true));
        if (!dmarcPassed) {
            problems.add("DMARC did not pass for " + domain + ": " + seen(dmarc) + ".");
        }
        return problems;
    }

    boolean allows(String address) {
        String from = address.toLowerCase(Locale.ROOT);
        return senders.stream().anyMatch(s -> s.equals("@") || s.equals(from) || s.startsWith("@") && from.endsWith(s));
    }

    private static List<AuthenticationResults.Result> of(List<AuthenticationResults.Result> results, String method) {
        return results.stream().filter(r -> r.method().equals(method)).toList();
    }

    /** The signing domain: header.d, else the domain of header.i (Gmail writes only header.i=@gmail.com). */
    private static Optional<String> signedFor(AuthenticationResults.Result dkim) {
        return dkim.property("header.d").or(() -> dkim.property("header.i").map(i -> i.substring(i.lastIndexOf('@') + 1)))
                .map(d -> d.toLowerCase(Locale.ROOT));
    }

    /** Relaxed alignment (RFC 7489): the signing domain is the sender's domain or one of its parents. */
    private static boolean aligned(String fromDomain, String signingDomain) {
        return !signingDomain.isEmpty() && (fromDomain.equals(signingDomain) || fromDomain.endsWith("." + signingDomain));
    }

    private static String seen(List<AuthenticationResults.Result> results) {
        return results.isEmpty() ? "no result" : String.join(", ", results.stream().map(AuthenticationResults.Result::text).toList());
    }
}

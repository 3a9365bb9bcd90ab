package com.hmoexchange.hub.demo.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The claims of the months the demo replays at its first start (demo/DemoHistory): their payers answered (or
 * left unanswered) and paid them on past days through the hub's payer-answer path. The hub still delivers them
 * when the replay commits, and a sandbox payer that sees one does not answer it a second time today.
 */
@Component
@Profile("demo")
public class SandboxHistory {

    private final Set<String> claimNumbers = ConcurrentHashMap.newKeySet();

    /** The claim belongs to the replayed past: the sandbox payers leave it alone. */
    public void leaveAlone(String claimNumber) {
        claimNumbers.add(claimNumber);
    }

    boolean isPast(String claimNumber) {
        return claimNumbers.contains(claimNumber);
    }
}

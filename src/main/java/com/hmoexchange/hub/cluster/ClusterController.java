package com.hmoexchange.hub.cluster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operations", description = "For the hub's operators: re-send claims, see and replay dead letters")
class ClusterController {

    private final LockHolders holders;

    ClusterController(LockHolders holders) {
        this.holders = holders;
    }

    @GetMapping("/api/operations/cluster")
    @Operation(summary = "Which node polls each payer folder and mailbox and the clients' intake, and runs each timer that "
            + "runs once (retention, repairs, stale checks): this node's id, and each lock it contests with the node "
            + "holding it and when that node last renewed it (docs/reliability.md, One poller per source)")
    LockHolders.Cluster cluster() {
        return holders.now();
    }
}

package com.hmoexchange.hub.clients;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.security.HubUser;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An HMO's corporate clients; each HMO sees only its own (another's is 404). */
@Service
public class Clients {

    private final ClientRepository clients;
    private final Clock clock;

    private final AuditLog audit;

    Clients(ClientRepository clients, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Client ofHmo(HubUser hmo, long clientId) {
        return clients.findById(clientId).filter(c -> c.getPayerId() == hmo.requireHmoPayerId())
                .orElseThrow(() -> new NotFoundException("Client", clientId));
    }

    @Transactional(readOnly = true)
    public Client byId(long clientId) {
        return clients.findById(clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
    }

    @Transactional(readOnly = true)
    List<Client> list(HubUser hmo) {
        return clients.findByPayerIdOrderByName(hmo.requireHmoPayerId());
    }

    @Transactional
    public Client add(HubUser hmo, String code, String name, String numberPrefix, String contactEmail, String hmoEmail) {
        if (clients.findByCode(code).isPresent()) {
            throw new RuleViolation("client-code-taken", "A client with code '" + code + "' already exists. Choose another code.");
        }
        Client client = clients.save(new Client(hmo.requireHmoPayerId(), code, name, numberPrefix, contactEmail, hmoEmail,
                clock.instant()));
        audit.record(AuditAction.ORGANISATION_RECORDED, "client", client.getId());
        return client;
    }
}

package com.hmoexchange.hub.organisations;

import com.hmoexchange.hub.audit.AuditAction;
import com.hmoexchange.hub.audit.AuditLog;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.common.RuleViolation;
import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.payers.PayerRepository;
import com.hmoexchange.hub.people.People;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.providers.ProviderRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform administrator records: HMOs with the payers they own, practices, and the invitations
 * of their first administrators (contracts are {@link Contracts}).
 */
@Service
public class Organisations {

    private final HmoRepository hmos;
    private final PayerRepository payers;
    private final ProviderRepository providers;
    private final People people;
    private final Clock clock;

    private final AuditLog audit;

    Organisations(HmoRepository hmos, PayerRepository payers, ProviderRepository providers, People people, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.hmos = hmos;
        this.payers = payers;
        this.providers = providers;
        this.people = people;
        this.clock = clock;
    }

    /** Records an HMO owning the payers named by their codes under mappings/; all or nothing. */
    @Transactional
    public Hmo addHmo(String code, String name, List<String> payerCodes, String by) {
        if (hmos.findByCode(code).isPresent()) {
            throw new RuleViolation("hmo-code-taken", "An HMO with code '" + code + "' is already recorded. Choose another code.");
        }
        if (payerCodes == null || payerCodes.isEmpty()) {
            throw new InvalidInput("payerCodes", "Name at least one payer code from mappings/ that this HMO owns.");
        }
        Hmo hmo = hmos.save(new Hmo(code, name, clock.instant(), by));
        payerCodes.forEach(payerCode -> linkPayer(hmo, payerCode));
        audit.record(AuditAction.ORGANISATION_RECORDED, "hmo", hmo.getId(), "payers " + payerCodes);
        return hmo;
    }

    /** Adds another payer (from mappings/) to the HMO. */
    @Transactional
    public Hmo addPayer(long hmoId, String payerCode) {
        Hmo hmo = hmo(hmoId);
        linkPayer(hmo, payerCode);
        audit.record(AuditAction.ORGANISATION_RECORDED, "hmo", hmoId, "payer " + payerCode + " added");
        return hmo;
    }

    private void linkPayer(Hmo hmo, String payerCode) {
        Payer payer = payers.findByCode(payerCode == null ? "" : payerCode.trim()).orElseThrow(() -> new InvalidInput(
                "payerCodes", "No payer has code '" + payerCode + "'. Payers are set up under mappings/<code>/payer.yaml; "
                        + "use one of " + payers.findAll(Sort.by("code")).stream().map(Payer::getCode).toList() + "."));
        if (payer.getHmoId() != null && !payer.getHmoId().equals(hmo.getId())) {
            throw new RuleViolation("payer-owned", "Payer " + payer.getCode() + " already belongs to HMO "
                    + hmo(payer.getHmoId()).getName() + ". A payer belongs to one HMO.");
        }
        payer.belongTo(hmo.getId());
    }

    @Transactional(readOnly = true)
    public Hmo hmo(long hmoId) {
        return hmos.findById(hmoId).orElseThrow(() -> new NotFoundException("HMO", hmoId));
    }

    @Transactional(readOnly = true)
    public List<Hmo> hmos() {
        return hmos.findAll(Sort.by("name"));
    }

    @Transactional(readOnly = true)
    public List<Payer> payersOf(long hmoId) {
        return payers.findByHmoIdOrderByCode(hmoId);
    }

    @Transactional(readOnly = true)
    public List<Payer> payers() {
        return payers.findAll(Sort.by("code"));
    }

    @Transactional
    public Provider addPractice(String code, String name, boolean hmoModule) {
        if (providers.findByCode(code).isPresent()) {
            throw new RuleViolation("practice-code-taken", "A practice with code '" + code
                    + "' is already recorded. Choose another code.");
        }
        Provider practice = providers.save(new Provider(code, name, hmoModule));
        audit.record(AuditAction.ORGANISATION_RECORDED, "practice", practice.getId());
        return practice;
    }

    @Transactional
    public Provider switchHmoModule(long providerId, boolean on) {
        Provider practice = practice(providerId);
        practice.switchHmoModule(on);
        audit.record(AuditAction.SETTING_CHANGED, "practice", providerId, "HMO module " + (on ? "on" : "off"));
        return practice;
    }

    @Transactional(readOnly = true)
    public Provider practice(long providerId) {
        return providers.findById(providerId).orElseThrow(() -> new NotFoundException("Practice", providerId));
    }

    @Transactional(readOnly = true)
    public List<Provider> practices() {
        return providers.findAll(Sort.by("name"));
    }

    /** Invites an OWNER of the practice: its first, who then invites the rest. */
    @Transactional
    public People.Invited inviteOwner(long providerId, String email, String by) {
        practice(providerId);
        return people.inviteOwner(providerId, email, by);
    }

    /** Invites an HMO_ADMIN of the HMO, acting for its first payer (and managing all its payers' colleagues). */
    @Transactional
    public People.Invited inviteHmoAdmin(long hmoId, String email, String by) {
        Hmo hmo = hmo(hmoId);
        Payer first = payers.findByHmoIdOrderByCode(hmoId).stream().findFirst().orElseThrow(() -> new RuleViolation(
                "hmo-without-payer", hmo.getName() + " owns no payer yet. Add its payer code first, then invite its administrator."));
        return people.inviteHmoAdmin(first.getId(), hmo.getName(), email, by);
    }
}

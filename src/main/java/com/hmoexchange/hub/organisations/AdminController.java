package com.hmoexchange.hub.organisations;

import com.hmoexchange.hub.payers.Payer;
import com.hmoexchange.hub.people.People;
import com.hmoexchange.hub.providers.Provider;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform administrator's API: HMOs and their payers, practices, contracts, first administrators. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "HMOs, practices and their contracts (PLATFORM_ADMIN)")
class AdminController {

    private final Organisations organisations;
    private final Contracts contracts;

    AdminController(Organisations organisations, Contracts contracts) {
        this.organisations = organisations;
        this.contracts = contracts;
    }

    record HmoView(long id, String code, String name, List<String> payerCodes) {
    }

    record PracticeView(long id, String code, String name, boolean hmoModule) {
        static PracticeView of(Provider p) {
            return new PracticeView(p.getId(), p.getCode(), p.getName(), p.isHmoModule());
        }
    }

    record PayerView(long id, String code, String name, Long hmoId) {
        static PayerView of(Payer p) {
            return new PayerView(p.getId(), p.getCode(), p.getName(), p.getHmoId());
        }
    }

    record ContractView(long id, long practiceId, long payerId, LocalDate startsOn, LocalDate endsOn, boolean current,
            Instant createdAt, String createdBy) {
        static ContractView of(Contract c, LocalDate today) {
            return new ContractView(c.getId(), c.getProviderId(), c.getPayerId(), c.getStartsOn(), c.getEndsOn(),
                    c.runsOn(today), c.getCreatedAt(), c.getCreatedBy());
        }
    }

    record NewHmo(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+", message = "must be lower-case letters, digits and dashes") String code,
            @NotBlank @Size(max = 200) String name, @NotEmpty List<@NotBlank String> payerCodes) {
    }

    record PayerLink(@NotBlank String payerCode) {
    }

    record NewPractice(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+", message = "must be lower-case letters, digits and dashes") String code,
            @NotBlank @Size(max = 200) String name, boolean hmoModule) {
    }

    record HmoModuleSwitch(@NotNull Boolean enabled) {
    }

    record Invitation(@NotBlank @Size(max = 100) String email) {
    }

    record NewContract(@NotNull Long practiceId, @NotNull Long payerId, @NotNull LocalDate startsOn, LocalDate endsOn) {
    }

    record ContractEnd(LocalDate endsOn) {
    }

    @GetMapping("/payers")
    @Operation(summary = "The payers set up under mappings/, with the HMO each belongs to")
    List<PayerView> payers() {
        return organisations.payers().stream().map(PayerView::of).toList();
    }

    @GetMapping("/hmos")
    @Operation(summary = "The HMOs")
    List<HmoView> hmos() {
        return organisations.hmos().stream().map(this::view).toList();
    }

    @PostMapping("/hmos")
    @Operation(summary = "Record an HMO owning one or more payers (their codes under mappings/)")
    ResponseEntity<HmoView> addHmo(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewHmo body) {
        Hmo hmo = organisations.addHmo(body.code(), body.name().trim(), body.payerCodes(), user.getUsername());
        return ResponseEntity.created(URI.create("/api/admin/hmos/" + hmo.getId())).body(view(hmo));
    }

    @PostMapping("/hmos/{id}/payers")
    @Operation(summary = "Add another payer to the HMO")
    HmoView addPayer(@PathVariable long id, @Valid @RequestBody PayerLink body) {
        return view(organisations.addPayer(id, body.payerCode()));
    }

    @PostMapping("/hmos/{id}/invitations")
    @Operation(summary = "Invite an HMO_ADMIN of the HMO by email (a one-time link to choose a password)")
    ResponseEntity<People.Invited> inviteHmoAdmin(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @Valid @RequestBody Invitation body) {
        return ResponseEntity.status(201).body(organisations.inviteHmoAdmin(id, body.email(), user.getUsername()));
    }

    @GetMapping("/practices")
    @Operation(summary = "The practices")
    List<PracticeView> practices() {
        return organisations.practices().stream().map(PracticeView::of).toList();
    }

    @PostMapping("/practices")
    @Operation(summary = "Record a practice, with its HMO module on or off")
    ResponseEntity<PracticeView> addPractice(@Valid @RequestBody NewPractice body) {
        Provider practice = organisations.addPractice(body.code(), body.name().trim(), body.hmoModule());
        return ResponseEntity.created(URI.create("/api/admin/practices/" + practice.getId())).body(PracticeView.of(practice));
    }

    @PutMapping("/practices/{id}/hmo-module")
    @Operation(summary = "Switch the practice's HMO module on or off")
    PracticeView switchHmoModule(@PathVariable long id, @Valid @RequestBody HmoModuleSwitch body) {
        return PracticeView.of(organisations.switchHmoModule(id, body.enabled()));
    }

    @PostMapping("/practices/{id}/invitations")
    @Operation(summary = "Invite an OWNER of the practice by email (a one-time link to choose a password)")
    ResponseEntity<People.Invited> inviteOwner(@AuthenticationPrincipal HubUser user, @PathVariable long id,
            @Valid @RequestBody Invitation body) {
        return ResponseEntity.status(201).body(organisations.inviteOwner(id, body.email(), user.getUsername()));
    }

    @GetMapping("/contracts")
    @Operation(summary = "Every contract between a practice and a payer")
    List<ContractView> contracts() {
        LocalDate today = contracts.today();
        return contracts.all().stream().map(c -> ContractView.of(c, today)).toList();
    }

    @PostMapping("/contracts")
    @Operation(summary = "Record a contract between a practice and a payer from startsOn to endsOn (the last day; none: open-ended)")
    ResponseEntity<ContractView> sign(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewContract body) {
        Contract contract = contracts.sign(body.practiceId(), body.payerId(), body.startsOn(), body.endsOn(), user.getUsername());
        return ResponseEntity.created(URI.create("/api/admin/contracts/" + contract.getId()))
                .body(ContractView.of(contract, contracts.today()));
    }

    @PutMapping("/contracts/{id}/end")
    @Operation(summary = "Set the contract's last day (none: open-ended again)")
    ContractView end(@PathVariable long id, @RequestBody ContractEnd body) {
        return ContractView.of(contracts.endAfter(id, body.endsOn()), contracts.today());
    }

    private HmoView view(Hmo hmo) {
        return new HmoView(hmo.getId(), hmo.getCode(), hmo.getName(),
                organisations.payersOf(hmo.getId()).stream().map(Payer::getCode).toList());
    }
}

package com.hmoexchange.hub.visits;

import com.hmoexchange.hub.common.NotFoundException;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.enrollees.EnrolleeRepository;
import com.hmoexchange.hub.providers.HmoModuleGate;
import com.hmoexchange.hub.security.HubUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/visits")
@Tag(name = "Visits", description = "Completed encounters of enrollees, the source of claim lines")
class VisitController {

    private final VisitRepository visits;
    private final EnrolleeRepository enrollees;
    private final HmoModuleGate hmoModule;
    private final Visits recorder;

    VisitController(VisitRepository visits, EnrolleeRepository enrollees, HmoModuleGate hmoModule, Visits recorder) {
        this.visits = visits;
        this.enrollees = enrollees;
        this.hmoModule = hmoModule;
        this.recorder = recorder;
    }

    record NewService(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 300) String description,
            @NotNull @Min(1) @Max(10_000) Integer quantity, LocalDate serviceDate) {
    }

    record NewVisit(@NotBlank String enrolleeNumber, @NotNull LocalDate encounterDate, LocalDate admissionDate,
            LocalDate dischargeDate, @Size(max = 80) String externalRef,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull NewService> services) {
    }

    record ServiceView(long id, int position, String code, String description, int quantity, LocalDate serviceDate) {
    }

    record VisitView(long id, String enrolleeNumber, String patientName, LocalDate encounterDate,
            LocalDate admissionDate, LocalDate dischargeDate, String externalRef, List<ServiceView> services) {
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Record a completed visit with the services performed")
    ResponseEntity<VisitView> record(@AuthenticationPrincipal HubUser user, @Valid @RequestBody NewVisit body) {
        Visit saved = recorder.record(user, body.enrolleeNumber(), body.encounterDate(), body.admissionDate(),
                body.dischargeDate(), body.externalRef(), body.services().stream()
                        .map(s -> new Visits.Performed(s.code(), s.description(), s.quantity(), s.serviceDate())).toList());
        return ResponseEntity.created(URI.create("/api/visits/" + saved.getId()))
                .body(view(saved, enrollees.getReferenceById(saved.getEnrolleeId())));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "One visit with its services")
    VisitView one(@AuthenticationPrincipal HubUser user, @PathVariable long id) {
        long providerId = hmoModule.requireEnabled(user.requireProviderId()).getId();
        Visit visit = visits.findByIdAndProviderId(id, providerId).orElseThrow(() -> new NotFoundException("Visit", id));
        return view(visit, enrollees.getReferenceById(visit.getEnrolleeId()));
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Recent visits (newest first, at most 100), optionally of one enrollee")
    List<VisitView> recent(@AuthenticationPrincipal HubUser user, @RequestParam(required = false) String enrolleeNumber) {
        long providerId = hmoModule.requireEnabled(user.requireProviderId()).getId();
        List<Visit> found;
        if (enrolleeNumber == null) {
            found = visits.findTop100ByProviderIdOrderByEncounterDateDescIdDesc(providerId);
        } else {
            Enrollee enrollee = enrollees.findByEnrolleeNumber(enrolleeNumber)
                    .orElseThrow(() -> new NotFoundException("Enrollee", enrolleeNumber));
            found = visits.findTop100ByProviderIdAndEnrolleeIdOrderByEncounterDateDesc(providerId, enrollee.getId());
        }
        return found.stream().map(v -> view(v, enrollees.getReferenceById(v.getEnrolleeId()))).toList();
    }

    private static VisitView view(Visit v, Enrollee enrollee) {
        return new VisitView(v.getId(), enrollee.getEnrolleeNumber(), enrollee.fullName(), v.getEncounterDate(),
                v.getAdmissionDate(), v.getDischargeDate(), v.getExternalRef(),
                v.getServices().stream().map(s -> new ServiceView(s.getId(), s.getPosition(), s.getServiceCode(),
                        s.getDescription(), s.getQuantity(), s.getServiceDate())).toList());
    }
}

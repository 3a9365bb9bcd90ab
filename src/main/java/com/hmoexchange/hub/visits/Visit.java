package com.hmoexchange.hub.visits;

import com.hmoexchange.hub.common.InvalidInput;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A completed encounter of an enrollee at a provider, with the services performed. */
@Entity
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long providerId;
    private Long enrolleeId;
    private LocalDate encounterDate;
    private LocalDate admissionDate;
    private LocalDate dischargeDate;
    /** The practice system's own id for the visit, so a repeated upload is recognised. */
    private String externalRef;
    private Instant createdAt;
    private String createdBy;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "visit_id", nullable = false)
    @OrderBy("position")
    private List<PerformedService> services = new ArrayList<>();
    @Version
    private long version;

    protected Visit() {
    }

    public Visit(long providerId, long enrolleeId, LocalDate encounterDate, LocalDate admissionDate,
            LocalDate dischargeDate, String externalRef, String createdBy, LocalDate today) {
        if (encounterDate.isAfter(today)) {
            throw new InvalidInput("encounterDate", "encounterDate " + encounterDate + " is in the future; record a visit once it has happened.");
        }
        if ((admissionDate == null) != (dischargeDate == null)) {
            throw new InvalidInput("dischargeDate", "Give both admissionDate and dischargeDate for an admission, or neither.");
        }
        if (admissionDate != null && dischargeDate.isBefore(admissionDate)) {
            throw new InvalidInput("dischargeDate", "dischargeDate " + dischargeDate + " is before admissionDate " + admissionDate + ".");
        }
        this.providerId = providerId;
        this.enrolleeId = enrolleeId;
        this.encounterDate = encounterDate;
        this.admissionDate = admissionDate;
        this.dischargeDate = dischargeDate;
        this.externalRef = externalRef;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    /** Adds a performed service; its date defaults to the encounter date and must fall within the visit. */
    public void addService(String serviceCode, String description, int quantity, LocalDate serviceDate) {
        LocalDate date = serviceDate == null ? encounterDate : serviceDate;
        LocalDate first = admissionDate == null ? encounterDate : admissionDate;
        LocalDate last = dischargeDate == null ? encounterDate : dischargeDate;
        if (date.isBefore(first) || date.isAfter(last)) {
            throw new InvalidInput("services[" + services.size() + "].serviceDate", "Service date " + date
                    + " is outside the visit (" + first + (first.equals(last) ? "" : " to " + last) + ").");
        }
        services.add(new PerformedService(services.size() + 1, serviceCode, description, quantity, date));
    }

    public Optional<PerformedService> service(long serviceId) {
        return services.stream().filter(s -> s.getId() == serviceId).findFirst();
    }

    public Long getId() {
        return id;
    }

    public Long getProviderId() {
        return providerId;
    }

    public Long getEnrolleeId() {
        return enrolleeId;
    }

    public LocalDate getEncounterDate() {
        return encounterDate;
    }

    public LocalDate getAdmissionDate() {
        return admissionDate;
    }

    public LocalDate getDischargeDate() {
        return dischargeDate;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<PerformedService> getServices() {
        return List.copyOf(services);
    }
}

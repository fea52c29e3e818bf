package vn.socialmap.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One dated event on a person's path. Never changed: corrections supersede it. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "province_code", nullable = false)
    private String provinceCode;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EventType type;

    @Column(name = "event_date", nullable = false)
    private LocalDate eventDate;

    @Column(name = "facility_code")
    private String facilityCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> details = new HashMap<>();

    @Column(name = "supersedes_id")
    private Long supersedesId;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(nullable = false)
    private boolean demo;

    protected CaseEvent() {
    }

    CaseEvent(String provinceCode, long personId, EventForm form, String recordedBy, Instant recordedAt) {
        this.provinceCode = provinceCode;
        this.personId = personId;
        this.type = form.type();
        this.eventDate = form.date();
        this.facilityCode = form.facilityCode() == null || form.facilityCode().isBlank() ? null : form.facilityCode().strip();
        this.details = form.details() == null ? new HashMap<>() : new HashMap<>(form.details());
        this.supersedesId = form.supersedes();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    PathRules.Event asRuleEvent() {
        return new PathRules.Event(id, type, eventDate, facilityCode, details, supersedesId);
    }

    void markDemo() {
        this.demo = true;
    }

    public Long getId() {
        return id;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public long getPersonId() {
        return personId;
    }

    public EventType getType() {
        return type;
    }

    public LocalDate getEventDate() {
        return eventDate;
    }

    public String getFacilityCode() {
        return facilityCode;
    }

    public Map<String, Object> getDetails() {
        return Map.copyOf(details);
    }

    public Long getSupersedesId() {
        return supersedesId;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}

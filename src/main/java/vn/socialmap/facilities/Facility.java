package vn.socialmap.facilities;

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
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

import vn.socialmap.base.text.VietnameseText;

@Entity
@Table(name = "facility")
public class Facility {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "province_code", nullable = false)
    private String provinceCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FacilityType type;

    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_folded", nullable = false)
    private String nameFolded;

    private String address;

    @Column(name = "commune_code", nullable = false)
    private String communeCode;

    /** The structure of the commune: today's. */
    @Column(name = "unit_structure", nullable = false)
    private String unitStructure;

    /** The district (of the last structure with districts) whose area holds the location; null where none. */
    @Column(name = "district_code")
    private String districtCode;

    @Column(nullable = false)
    private Point location;

    private String phone;

    private String email;

    @Column(name = "contact_person")
    private String contactPerson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FacilityStatus status;

    @Column(name = "status_since", nullable = false)
    private LocalDate statusSince;

    /** The day the facility began; null when it was there before the registry knows (most are). */
    @Column(name = "opened_on")
    private LocalDate openedOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private Map<String, Object> details = new HashMap<>();

    @Column(nullable = false)
    private boolean demo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Facility() {
    }

    Facility(String provinceCode, Instant now) {
        this.provinceCode = provinceCode;
        this.createdAt = now;
    }

    void apply(FacilityForm form, String unitStructure, String districtCode, Point location, Instant now) {
        this.type = form.type();
        this.code = blankToNull(form.code());
        this.name = form.name().strip();
        this.nameFolded = VietnameseText.fold(name);
        this.address = blankToNull(form.address());
        this.communeCode = form.communeCode();
        this.unitStructure = unitStructure;
        this.districtCode = districtCode;
        this.location = location;
        this.phone = blankToNull(form.phone());
        this.email = blankToNull(form.email());
        this.contactPerson = blankToNull(form.contactPerson());
        this.status = form.status();
        this.statusSince = form.statusSince();
        this.details = new HashMap<>();
        if (form.details() != null) {
            form.details().forEach((k, v) -> {
                if (v != null) {
                    details.put(k, v);
                }
            });
        }
        this.updatedAt = now;
    }

    void markDemo() {
        this.demo = true;
    }

    /** A facility formed on a known day (a merger's successor): it did not exist before. */
    void openedOn(LocalDate day) {
        this.openedOn = day;
    }

    /** Closed as merged into its successors on that day; what it was stays in its history. */
    void closeMerged(LocalDate day, Instant now) {
        this.status = FacilityStatus.CLOSED;
        this.statusSince = day;
        this.updatedAt = now;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The fields that matter for history, as written to facility_change. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("type", type.name());
        s.put("code", code);
        s.put("name", name);
        s.put("address", address);
        s.put("communeCode", communeCode);
        s.put("longitude", location.getX());
        s.put("latitude", location.getY());
        s.put("phone", phone);
        s.put("email", email);
        s.put("contactPerson", contactPerson);
        s.put("status", status.name());
        s.put("statusSince", statusSince.toString());
        s.put("details", new java.util.LinkedHashMap<>(details));
        return s;
    }

    public Long getId() {
        return id;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public FacilityType getType() {
        return type;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public String getUnitStructure() {
        return unitStructure;
    }

    /** The former district holding the location (see {@link #districtCode}). */
    public String getDistrictCode() {
        return districtCode;
    }

    public Point getLocation() {
        return location;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public FacilityStatus getStatus() {
        return status;
    }

    public LocalDate getStatusSince() {
        return statusSince;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public Map<String, Object> getDetails() {
        return Map.copyOf(details);
    }

    public boolean isDemo() {
        return demo;
    }

    public long getVersion() {
        return version;
    }
}

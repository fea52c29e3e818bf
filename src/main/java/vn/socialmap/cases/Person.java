package vn.socialmap.cases;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.locationtech.jts.geom.Point;

import vn.socialmap.base.text.VietnameseText;

/** A person on record. Their path is in {@link CaseEvent}s; their status is derived, not stored here. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "province_code", nullable = false)
    private String provinceCode;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "name_folded", nullable = false)
    private String nameFolded;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sex sex;

    @Column(name = "national_id", length = 12)
    private String nationalId;

    @Column(name = "permanent_structure", nullable = false)
    private String permanentStructure;

    @Column(name = "permanent_commune_code", nullable = false)
    private String permanentCommuneCode;

    @Column(name = "permanent_address")
    private String permanentAddress;

    /** The structure of the current (and permanent) residence: the one in force today. */
    @Column(name = "current_structure", nullable = false)
    private String currentStructure;

    @Column(name = "current_commune_code", nullable = false)
    private String currentCommuneCode;

    /** The district (of the last structure with districts) whose area holds the current residence. */
    @Column(name = "former_district_code")
    private String formerDistrictCode;

    @Column(name = "current_address")
    private String currentAddress;

    @Column(name = "current_point")
    private Point currentPoint;

    private String occupation;

    private String notes;

    @Column(name = "merged_into_id")
    private Long mergedIntoId;

    @Column(nullable = false)
    private boolean demo;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Person() {
    }

    Person(PersonForm form, String provinceCode, String structure, Point currentPoint, String createdBy, Instant now) {
        this.provinceCode = provinceCode;
        this.createdBy = createdBy;
        this.createdAt = now;
        apply(form, structure, currentPoint, now);
    }

    /** The form's residence is of {@code structure} (today's); the former district is set by the placement. */
    void apply(PersonForm form, String structure, Point point, Instant now) {
        this.fullName = form.fullName().strip();
        this.nameFolded = VietnameseText.fold(fullName);
        this.birthDate = form.birthDate();
        this.sex = form.sex();
        this.nationalId = form.nationalId() == null || form.nationalId().isBlank() ? null : form.nationalId().strip();
        this.permanentStructure = structure;
        this.permanentCommuneCode = form.permanentCommuneCode();
        this.permanentAddress = blankToNull(form.permanentAddress());
        this.currentStructure = structure;
        this.currentCommuneCode = form.currentCommuneCode();
        this.currentAddress = blankToNull(form.currentAddress());
        this.currentPoint = point;
        this.occupation = blankToNull(form.occupation());
        this.notes = blankToNull(form.notes());
        this.updatedAt = now;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Where the placement put the residence (the same values the bulk path writes with SQL). */
    void placed(ResidencePlacement.Current current) {
        this.currentStructure = current.structure();
        this.currentCommuneCode = current.communeCode();
        this.formerDistrictCode = current.formerDistrictCode();
    }

    /** Whether the form changes where the person lives (commune, address or point). */
    boolean residenceChangedBy(PersonForm form) {
        Point point = currentPoint;
        boolean samePoint = point == null ? form.longitude() == null
                : form.longitude() != null && point.getX() == form.longitude() && point.getY() == form.latitude();
        return !samePoint || !java.util.Objects.equals(currentCommuneCode, form.currentCommuneCode())
                || !java.util.Objects.equals(currentAddress, blankToNull(form.currentAddress()));
    }

    /** A move of residence: the new commune, its exact place not yet known (the placement finds its district). */
    void moveTo(String communeCode, String structure, Instant now) {
        this.currentStructure = structure;
        this.currentCommuneCode = communeCode;
        this.currentAddress = null;
        this.currentPoint = null;
        this.updatedAt = now;
    }

    void mergeInto(long survivorId, Instant now) {
        this.mergedIntoId = survivorId;
        this.updatedAt = now;
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

    public String getFullName() {
        return fullName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public Sex getSex() {
        return sex;
    }

    public String getNationalId() {
        return nationalId;
    }

    public String getPermanentCommuneCode() {
        return permanentCommuneCode;
    }

    public String getPermanentAddress() {
        return permanentAddress;
    }

    public String getCurrentCommuneCode() {
        return currentCommuneCode;
    }

    public String getCurrentStructure() {
        return currentStructure;
    }

    public String getPermanentStructure() {
        return permanentStructure;
    }

    public String getFormerDistrictCode() {
        return formerDistrictCode;
    }

    public String getCurrentAddress() {
        return currentAddress;
    }

    public Point getCurrentPoint() {
        return currentPoint;
    }

    public String getOccupation() {
        return occupation;
    }

    public String getNotes() {
        return notes;
    }

    public Long getMergedIntoId() {
        return mergedIntoId;
    }

    public boolean isDemo() {
        return demo;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public long getVersion() {
        return version;
    }
}

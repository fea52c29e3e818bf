package vn.socialmap.geography;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.MultiPolygon;

import vn.socialmap.base.text.VietnameseText;

/**
 * One version of an administrative unit (province, district or commune) of a structure,
 * with its shape. A unit is identified by structure and code ({@link #ref()}); a boundary
 * import adds a version with a later {@code validFrom}.
 */
@Entity
@Table(name = "admin_unit")
public class AdminUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private String structure;

    @Column(nullable = false, length = 10)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AdminLevel level;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_folded", nullable = false, length = 200)
    private String nameFolded;

    @Column(name = "unit_type", nullable = false, length = 64)
    private String unitType;

    @Column(name = "parent_code", length = 10)
    private String parentCode;

    @Column(name = "province_code", nullable = false, length = 3)
    private String provinceCode;

    @Column(nullable = false)
    private MultiPolygon geom;

    @Enumerated(EnumType.STRING)
    @Column(name = "geometry_source", nullable = false, length = 16)
    private GeometrySource geometrySource;

    /** Null: since the structure began. */
    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    /** Residents, where known (today's communes; older units only where the crosswalk is whole). */
    private Integer population;

    @Column(name = "area_km2")
    private java.math.BigDecimal areaKm2;

    protected AdminUnit() {
    }

    /** A unit of a structure, in force for the whole of it. */
    public AdminUnit(AdminStructure structure, String code, AdminLevel level, String name, String unitType,
                     String parentCode, String provinceCode, MultiPolygon geom, GeometrySource geometrySource) {
        this.structure = structure.code();
        this.code = code;
        this.level = level;
        this.name = name;
        this.nameFolded = VietnameseText.fold(name);
        this.unitType = unitType;
        this.parentCode = parentCode;
        this.provinceCode = provinceCode;
        this.geom = geom;
        this.geometrySource = geometrySource;
        this.validFrom = structure.validFrom();
        this.validTo = structure.validTo();
    }

    /** Residents and area, where known. */
    public AdminUnit withPopulation(Integer population, Double areaKm2) {
        this.population = population;
        this.areaKm2 = areaKm2 == null ? null : java.math.BigDecimal.valueOf(areaKm2).setScale(2, java.math.RoundingMode.HALF_UP);
        return this;
    }

    public Long getId() {
        return id;
    }

    public String getStructure() {
        return structure;
    }

    /** Structure and code: what identifies the unit. */
    public UnitRef ref() {
        return new UnitRef(structure, code);
    }

    public Integer getPopulation() {
        return population;
    }

    /**
     * A count as a rate per 100,000 of the unit's residents, to one decimal; none where the
     * population is unknown (units of earlier structures whose residents cannot be told apart).
     */
    public Double per100k(Number count) {
        if (count == null || population == null || population == 0) {
            return null;
        }
        return Math.round(count.doubleValue() * 1_000_000 / population) / 10.0;
    }

    public Double getAreaKm2() {
        return areaKm2 == null ? null : areaKm2.doubleValue();
    }

    public String getCode() {
        return code;
    }

    public AdminLevel getLevel() {
        return level;
    }

    public String getName() {
        return name;
    }

    public String getUnitType() {
        return unitType;
    }

    public String getParentCode() {
        return parentCode;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public MultiPolygon getGeom() {
        return geom;
    }

    public GeometrySource getGeometrySource() {
        return geometrySource;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    /** Whether the shape is not an official boundary (approximated or generated). */
    public boolean isApproximate() {
        return geometrySource != GeometrySource.OFFICIAL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdminUnit other && id != null && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : id.hashCode();
    }
}

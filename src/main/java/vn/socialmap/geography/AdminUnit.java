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

/** One version of an administrative unit (province, district or commune) with its shape. */
@Entity
@Table(name = "admin_unit")
public class AdminUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected AdminUnit() {
    }

    public AdminUnit(String code, AdminLevel level, String name, String unitType, String parentCode,
                     String provinceCode, MultiPolygon geom, GeometrySource geometrySource, LocalDate validFrom) {
        this.code = code;
        this.level = level;
        this.name = name;
        this.nameFolded = VietnameseText.fold(name);
        this.unitType = unitType;
        this.parentCode = parentCode;
        this.provinceCode = provinceCode;
        this.geom = geom;
        this.geometrySource = geometrySource;
        this.validFrom = validFrom;
    }

    public Long getId() {
        return id;
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
}

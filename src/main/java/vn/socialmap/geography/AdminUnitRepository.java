package vn.socialmap.geography;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.QueryHint;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

/**
 * Units of a structure in force on a date: the version whose validity holds that day (a null
 * bound is open). Callers pass a date inside the structure's span.
 */
interface AdminUnitRepository extends JpaRepository<AdminUnit, Long> {

    /** Units of a structure in force on a date: the SQL function in_force (V23), the rule stated once. */
    String IN_FORCE = " u.structure = :structure and function('in_force', u.validFrom, u.validTo, :date) = true ";
    String READ_ONLY = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY;

    @Query("select count(u) > 0 from AdminUnit u where u.provinceCode = :province and u.structure = :structure")
    boolean existsInStructure(@Param("province") String province, @Param("structure") String structure);

    @Query("select u.parentCode, count(u) from AdminUnit u where u.provinceCode = :province and u.level = :level and"
            + IN_FORCE + "group by u.parentCode")
    List<Object[]> countByParent(@Param("structure") String structure, @Param("date") LocalDate date,
                                 @Param("province") String province, @Param("level") AdminLevel level);

    @Query("select count(u) > 0 from AdminUnit u where u.code = :code and u.level = :level and" + IN_FORCE)
    boolean exists(@Param("structure") String structure, @Param("date") LocalDate date,
                   @Param("code") String code, @Param("level") AdminLevel level);

    @Query("select count(u) > 0 from AdminUnit u where u.code = :code and u.level = :level")
    boolean existsInAnyStructure(@Param("code") String code, @Param("level") AdminLevel level);

    @QueryHints(@QueryHint(name = READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.level = vn.socialmap.geography.AdminLevel.PROVINCE and" + IN_FORCE
            + "order by u.code")
    List<AdminUnit> findProvinces(@Param("structure") String structure, @Param("date") LocalDate date);

    @QueryHints(@QueryHint(name = READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.code = :code and" + IN_FORCE)
    Optional<AdminUnit> find(@Param("structure") String structure, @Param("date") LocalDate date, @Param("code") String code);

    /** The latest version of a unit of a structure. */
    @QueryHints(@QueryHint(name = READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.structure = :structure and u.code = :code order by u.validTo desc nulls first limit 1")
    Optional<AdminUnit> findLatest(@Param("structure") String structure, @Param("code") String code);

    @QueryHints(@QueryHint(name = READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.provinceCode = :province and u.level = :level and" + IN_FORCE + "order by u.code")
    List<AdminUnit> findByLevel(@Param("structure") String structure, @Param("date") LocalDate date,
                                @Param("province") String province, @Param("level") AdminLevel level);

    @QueryHints(@QueryHint(name = READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.level = :level and" + IN_FORCE + "order by u.code")
    List<AdminUnit> findByLevelNationally(@Param("structure") String structure, @Param("date") LocalDate date,
                                          @Param("level") AdminLevel level);

    @Query("select new vn.socialmap.geography.AdminUnitService$Label(u.code, u.name) from AdminUnit u"
            + " where u.level = :level and" + IN_FORCE + "order by u.code")
    List<AdminUnitService.Label> findLabelsNationally(@Param("structure") String structure, @Param("date") LocalDate date,
                                                      @Param("level") AdminLevel level);

    @Query("select new vn.socialmap.geography.AdminUnitService$Label(u.code, u.name) from AdminUnit u"
            + " where u.provinceCode = :province and u.level = :level and" + IN_FORCE + "order by u.code")
    List<AdminUnitService.Label> findLabels(@Param("structure") String structure, @Param("date") LocalDate date,
                                            @Param("province") String province, @Param("level") AdminLevel level);

    @QueryHints(@QueryHint(name = READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.parentCode = :parent and" + IN_FORCE + "order by u.code")
    List<AdminUnit> findChildren(@Param("structure") String structure, @Param("date") LocalDate date,
                                 @Param("parent") String parent);

    /** {@code pattern} is a folded, LIKE-escaped fragment; matches anywhere in the folded name. */
    @QueryHints(@QueryHint(name = READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.provinceCode = :province and u.level <> vn.socialmap.geography.AdminLevel.PROVINCE"
            + " and u.nameFolded like concat('%', :pattern, '%') escape '\\' and" + IN_FORCE + "order by u.level, u.nameFolded")
    List<AdminUnit> search(@Param("structure") String structure, @Param("date") LocalDate date,
                           @Param("province") String province, @Param("pattern") String pattern,
                           org.springframework.data.domain.Limit limit);

    @Query(value = """
            select count(*) > 0 from admin_unit
            where structure = :structure and code = :code
              and in_force(valid_from, valid_to, :date)
              and ST_Covers(geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))""", nativeQuery = true)
    boolean covers(@Param("structure") String structure, @Param("date") LocalDate date, @Param("code") String code,
                   @Param("lon") double longitude, @Param("lat") double latitude);

    /** Days on which some version of the structure's units began: the units in force change only on them. */
    @Query("select distinct u.validFrom from AdminUnit u where u.structure = :structure and u.validFrom is not null")
    List<LocalDate> versionStarts(@Param("structure") String structure);
}

package vn.socialmap.geography;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import jakarta.persistence.QueryHint;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;

/** Current units are those without an end of validity. */
interface AdminUnitRepository extends JpaRepository<AdminUnit, Long> {

    long countByProvinceCode(String provinceCode);

    @Query("""
            select u.parentCode, count(u) from AdminUnit u
            where u.provinceCode = :province and u.level = :level and u.validTo is null group by u.parentCode""")
    List<Object[]> countCurrentByParent(@Param("province") String province, @Param("level") AdminLevel level);

    @Query("select count(u) > 0 from AdminUnit u where u.code = :code and u.level = :level and u.validTo is null")
    boolean existsCurrent(@Param("code") String code, @Param("level") AdminLevel level);

    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.level = vn.socialmap.geography.AdminLevel.PROVINCE and u.validTo is null order by u.code")
    List<AdminUnit> findCurrentProvinces();

    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("select u from AdminUnit u where u.code = :code and u.validTo is null")
    Optional<AdminUnit> findCurrent(@Param("code") String code);

    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("""
            select u from AdminUnit u
            where u.provinceCode = :province and u.level = :level and u.validTo is null
            order by u.code""")
    List<AdminUnit> findCurrentByLevel(@Param("province") String province, @Param("level") AdminLevel level);

    @Query("""
            select new vn.socialmap.geography.AdminUnitService$Label(u.code, u.name) from AdminUnit u
            where u.level = :level and u.validTo is null order by u.code""")
    List<AdminUnitService.Label> findLabelsNationally(@Param("level") AdminLevel level);

    @Query("""
            select new vn.socialmap.geography.AdminUnitService$Label(u.code, u.name) from AdminUnit u
            where u.provinceCode = :province and u.level = :level and u.validTo is null order by u.code""")
    List<AdminUnitService.Label> findLabels(@Param("province") String province, @Param("level") AdminLevel level);

    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("""
            select u from AdminUnit u
            where u.level = :level and u.validTo is null
            order by u.code""")
    List<AdminUnit> findCurrentByLevelNationally(@Param("level") AdminLevel level);

    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("""
            select u from AdminUnit u
            where u.parentCode = :parent and u.validTo is null
            order by u.code""")
    List<AdminUnit> findCurrentChildren(@Param("parent") String parent);

    /** {@code pattern} is a folded, LIKE-escaped fragment; matches anywhere in the folded name. */
    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, value = "true"))
    @Query("""
            select u from AdminUnit u
            where u.provinceCode = :province and u.validTo is null and u.level <> vn.socialmap.geography.AdminLevel.PROVINCE
              and u.nameFolded like concat('%', :pattern, '%') escape '\\'
            order by u.level, u.nameFolded""")
    List<AdminUnit> searchCurrent(@Param("province") String province, @Param("pattern") String pattern,
                                  org.springframework.data.domain.Limit limit);

    @Query(value = """
            select count(*) > 0 from admin_unit
            where code = :code and valid_to is null
              and ST_Covers(geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))""", nativeQuery = true)
    boolean covers(@Param("code") String code, @Param("lon") double longitude, @Param("lat") double latitude);
}

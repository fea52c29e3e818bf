package vn.socialmap.facilities;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface FacilityRepository extends JpaRepository<Facility, Long> {

    boolean existsByProvinceCodeAndDemoTrue(String provinceCode);

    List<Facility> findByProvinceCodeOrderByTypeAscNameAsc(String provinceCode);

    java.util.Optional<Facility> findFirstByCode(String code);

    java.util.Optional<Facility> findByProvinceCodeAndTypeAndCode(String provinceCode, FacilityType type, String code);
}

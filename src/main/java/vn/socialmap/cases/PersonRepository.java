package vn.socialmap.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, Long> {

    @Query("select p from Person p where p.nationalId = :id and p.mergedIntoId is null")
    Optional<Person> findLiveByNationalId(@Param("id") String nationalId);

    @Query("""
            select p from Person p
            where p.nameFolded = :name and p.birthDate = :birth and p.provinceCode = :province
              and p.mergedIntoId is null""")
    List<Person> findLiveByNameBirthInProvince(@Param("name") String nameFolded, @Param("birth") LocalDate birthDate,
                                               @Param("province") String provinceCode);
}

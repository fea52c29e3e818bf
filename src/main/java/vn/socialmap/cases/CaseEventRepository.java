package vn.socialmap.cases;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

    List<CaseEvent> findByPersonIdOrderByEventDateAscIdAsc(long personId);

    /** Merging: the events follow the surviving record (the only change the table's trigger lets through). */
    @Modifying
    @Query("update CaseEvent e set e.personId = :survivor where e.personId = :duplicate")
    int moveEvents(@Param("duplicate") long duplicateId, @Param("survivor") long survivorId);
}

package vn.socialmap.security;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccessGrantRepository extends JpaRepository<AccessGrant, Long> {

    @Query("""
            select count(g) > 0 from AccessGrant g
            where g.userId = :userId and g.subjectType = :type and g.subjectId = :id
              and g.grantedAt <= :now and g.expiresAt > :now""")
    boolean existsActive(@Param("userId") long userId, @Param("type") String subjectType,
                         @Param("id") String subjectId, @Param("now") Instant now);

    @Query("select count(g) from AccessGrant g where g.userId = :userId and g.grantedAt > :since")
    long countSince(@Param("userId") long userId, @Param("since") Instant since);

    List<AccessGrant> findBySubjectTypeAndSubjectIdOrderByGrantedAtDesc(String subjectType, String subjectId);
}

package com.flowmatik.query.admin;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserCostRows extends JpaRepository<UserCostRow, String> {

    /** The costliest users first, with their e-mail from the users read model (null if it has no row yet). */
    @Query("select c.userId as userId, u.email as email, c.costMicros as costMicros"
            + " from UserCostRow c left join UserRow u on u.id = c.userId"
            + " order by c.costMicros desc, c.userId")
    List<Cost> findCostliest(Pageable page);

    /** One user's AI cost. */
    interface Cost {
        String getUserId();

        String getEmail();

        long getCostMicros();
    }
}

package com.flowmatik.query.admin;

import com.flowmatik.api.identity.Role;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The users and usage read models as the operators list them: read where they are kept (the
 * {@code users} and {@code daily_usage} tables), never copied into this read model.
 */
interface UserListings extends Repository<UserDayRow, UserDayRow.Key> {

    String MATCHING =
            " from UserRow u where lower(u.email) like :pattern escape '!' or lower(u.name) like :pattern escape '!'";

    @Query("select count(u) from UserRow u")
    long countUsers();

    /** Users whose e-mail or name matches a LIKE pattern ({@code !} escapes), newest first. */
    @Query(
            value = "select u.id as id, u.email as email, u.name as name, u.role as role, u.plan as plan,"
                    + " u.active as active, u.createdAt as createdAt" + MATCHING + " order by u.createdAt desc, u.id",
            countQuery = "select count(u)" + MATCHING)
    Page<Listed> findMatching(String pattern, Pageable page);

    /** Each of the users' AI use on one UTC day, all models together; users without use have no line. */
    @Query("select d.userId as userId, sum(d.requests) as requests,"
            + " sum(d.promptTokens + d.completionTokens) as tokens, sum(d.costMicros) as costMicros"
            + " from DailyUsageRow d where d.day = :date and d.userId in :userIds group by d.userId")
    List<Usage> findUsageOn(LocalDate date, Collection<String> userIds);

    /** How many working API keys each of the users holds; users without keys have no line. */
    @Query("select k.userId as userId, count(k) as apiKeys from ApiKeyRow k"
            + " where k.revokedAt is null and k.userId in :userIds group by k.userId")
    List<KeyCount> findApiKeyCounts(Collection<String> userIds);

    /** A user as the list shows them. */
    interface Listed {
        String getId();

        String getEmail();

        String getName();

        Role getRole();

        Plan getPlan();

        boolean getActive();

        Instant getCreatedAt();
    }

    /** One user's use of one day. */
    interface Usage {
        String getUserId();

        long getRequests();

        long getTokens();

        long getCostMicros();
    }

    /** One user's working API keys. */
    interface KeyCount {
        String getUserId();

        long getApiKeys();
    }
}

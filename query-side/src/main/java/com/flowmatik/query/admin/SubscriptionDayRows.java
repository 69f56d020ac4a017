package com.flowmatik.query.admin;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionDayRows extends JpaRepository<SubscriptionDayRow, SubscriptionDayRow.Key> {

    /** The user's most recent change: their subscription as it stands. */
    Optional<SubscriptionDayRow> findFirstByUserIdOrderByDateDesc(String userId);

    /** Every change up to {@code to}, oldest first: replayed in order they give each day's subscriptions. */
    List<SubscriptionDayRow> findByDateLessThanEqualOrderByDateAsc(LocalDate to);
}

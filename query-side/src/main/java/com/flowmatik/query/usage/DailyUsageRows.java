package com.flowmatik.query.usage;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DailyUsageRows extends JpaRepository<DailyUsageRow, DailyUsageRow.Key> {

    List<DailyUsageRow> findByUserIdAndDayBetween(String userId, LocalDate from, LocalDate to);
}

package com.flowmatik.query.admin;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RevenueRows extends JpaRepository<RevenueRow, RevenueRow.Key> {

    /** Collected in one currency on the days from {@code from} to {@code to}; {@code null} when nothing was. */
    @Query("select sum(r.amount) from RevenueRow r where r.currency = :currency and r.paidDate between :from and :to")
    Long sumCollected(String currency, LocalDate from, LocalDate to);
}

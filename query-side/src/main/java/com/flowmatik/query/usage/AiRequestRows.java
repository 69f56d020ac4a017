package com.flowmatik.query.usage;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AiRequestRows extends JpaRepository<AiRequestRow, String> {

    List<AiRequestRow> findByStatusAndStartedAtBeforeOrderByStartedAt(
            AiRequestRow.Status status, Instant startedBefore, Pageable page);
}

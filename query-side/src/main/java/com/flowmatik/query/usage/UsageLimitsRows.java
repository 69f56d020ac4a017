package com.flowmatik.query.usage;

import org.springframework.data.jpa.repository.JpaRepository;

interface UsageLimitsRows extends JpaRepository<UsageLimitsRow, String> {}

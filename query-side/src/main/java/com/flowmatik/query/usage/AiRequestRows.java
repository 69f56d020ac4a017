package com.flowmatik.query.usage;

import org.springframework.data.jpa.repository.JpaRepository;

interface AiRequestRows extends JpaRepository<AiRequestRow, String> {}

package com.flowmatik.command.identity;

import org.springframework.data.jpa.repository.JpaRepository;

/** The recent revocations of API keys that every instance polls. */
interface ApiKeyRevocations extends JpaRepository<ApiKeyRevocation, Long> {}

package com.flowmatik.command.identity;

import org.springframework.data.jpa.repository.JpaRepository;

/** Reset-token hashes and the accounts they were issued for. */
interface ResetTokens extends JpaRepository<ResetToken, String> {}

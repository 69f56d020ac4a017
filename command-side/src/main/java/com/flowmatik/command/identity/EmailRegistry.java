package com.flowmatik.command.identity;

import org.springframework.data.jpa.repository.JpaRepository;

/** The set of e-mail addresses in use, keyed by the normalised address. */
interface EmailRegistry extends JpaRepository<RegisteredEmail, String> {}

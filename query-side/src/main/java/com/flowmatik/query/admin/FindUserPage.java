package com.flowmatik.query.admin;

import java.time.LocalDate;

/**
 * Finds one page of users, newest first, with their AI use of {@code today}.
 *
 * @param search matched, case-insensitive, anywhere in the e-mail or the name; blank matches everyone
 */
public record FindUserPage(String search, int page, int size, LocalDate today) {}

package com.flowmatik.query.users;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRows extends JpaRepository<UserRow, String> {

    Optional<UserRow> findByEmail(String email);
}

package com.flowmatik.command.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The working API keys by hash: the lookup table behind every request that carries a key. */
interface ApiKeyOwners extends JpaRepository<ApiKeyOwner, String> {

    @Modifying
    @Query("DELETE FROM ApiKeyOwner owner WHERE owner.keyId = :keyId")
    int deleteByKeyId(String keyId);
}

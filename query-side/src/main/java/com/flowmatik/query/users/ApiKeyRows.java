package com.flowmatik.query.users;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApiKeyRows extends JpaRepository<ApiKeyRow, String> {

    List<ApiKeyRow> findByUserIdAndRevokedAtIsNullOrderByCreatedAtAscIdAsc(String userId);

    @Query("select u from ApiKeyLastUse u where u.keyId in :keyIds")
    List<ApiKeyLastUse> findLastUses(Collection<String> keyIds);
}

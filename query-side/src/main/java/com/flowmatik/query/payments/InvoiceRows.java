package com.flowmatik.query.payments;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface InvoiceRows extends JpaRepository<InvoiceRow, InvoiceRow.Key> {

    /** With their lines: the query handler reads them outside any transaction. */
    @EntityGraph(attributePaths = "lines")
    List<InvoiceRow> findByUserIdOrderByIssuedAtDescInvoiceIdDesc(String userId);

    /** For a reset: the lines go before the invoices they belong to. */
    @Transactional
    @Modifying
    @Query(value = "DELETE FROM invoice_line", nativeQuery = true)
    void deleteAllLines();
}

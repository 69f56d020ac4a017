package com.flowmatik.app.web;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Recognises a failure that says the database is busy rather than broken: a lock not granted in
 * time, a statement or transaction over its timeout, no free connection. Such a request is
 * answered 503 with {@code Retry-After}, since the same request may well succeed a moment later.
 */
final class DatabaseBusy {

    static final long RETRY_AFTER_SECONDS = 5;
    /** Lock wait timeout (MySQL, MariaDB), statement timeout (MariaDB 1969, MySQL 3024), query interrupted. */
    private static final Set<Integer> BUSY_ERROR_CODES = Set.of(1205, 1969, 3024, 1317);

    private static final Set<String> BUSY_EXCEPTIONS = Set.of(
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.QueryTimeoutException");

    private DatabaseBusy() {}

    static boolean causes(Throwable failure) {
        return busyCause(failure) != null;
    }

    static String reason(Throwable failure) {
        Throwable cause = busyCause(failure);
        return cause == null ? failure.toString() : cause.toString();
    }

    private static Throwable busyCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof TransactionTimedOutException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLException sql && BUSY_ERROR_CODES.contains(sql.getErrorCode())
                    || BUSY_EXCEPTIONS.contains(cause.getClass().getName())) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}

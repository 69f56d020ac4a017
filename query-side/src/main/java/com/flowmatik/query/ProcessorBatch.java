package com.flowmatik.query;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What a projection folds over one batch of a processor's events and writes once, when the batch is
 * about to commit: in its transaction, together with the processor's token, so that the rows and
 * the token move together and a batch that fails is delivered again whole.
 */
public final class ProcessorBatch {

    private ProcessorBatch() {}

    /** The fold of {@code type} for the batch being handled, made on its first use and written by {@code write}. */
    public static <B> B of(Class<B> type, Supplier<B> create, Consumer<B> write) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(type.getName(), key -> {
            B batch = create.get();
            unitOfWork.onPrepareCommit(committing -> write.accept(batch));
            return batch;
        });
    }

    /** Runs {@code sql} once per row as one JDBC batch; nothing when there are no rows. */
    public static void write(NamedParameterJdbcTemplate jdbc, String sql, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
        }
    }
}

package com.flowmatik.command.payment;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Deadlines that survive a restart: a db-scheduler {@link Scheduler} on the platform's database
 * (table {@code scheduled_tasks}). Axon's auto-configuration sees it and builds its
 * {@code DbSchedulerDeadlineManager} on it, with the task that runs deadlines. Scheduling takes part
 * in the transaction of the event that schedules, so a rolled-back handler leaves no deadline.
 * Every instance polls; a due deadline runs on one of them. Due means due by the system clock: the
 * scheduler's waits and heartbeats cannot follow a clock that a test moves back and forth.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineScheduler {

    @Bean(destroyMethod = "stop")
    Scheduler dbScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            @Value("${flowmatik.deadlines.polling-interval:5s}") Duration pollingInterval) {
        // recurring tasks (closing abandoned AI requests) are scheduled at start; the rest are known
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(task -> task instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        List<Task<?>> others = tasks.stream()
                .filter(task -> !(task instanceof RecurringTask<?>))
                .toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .tableName("scheduled_tasks")
                .threads(2)
                .pollingInterval(pollingInterval)
                .alwaysPersistTimestampInUTC()
                // the pool's auto-commit is off: a deadline scheduled in a transaction is committed with it,
                // and the scheduler's own polls are committed when their connection goes back to the pool
                .commitWhenAutocommitDisabled(false)
                // a deadline cut short by a shutdown is not lost: db-scheduler revives it once its heartbeat stops
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Deadlines run only once the whole platform, Axon included, is up. */
    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(Scheduler.class).start();
    }
}

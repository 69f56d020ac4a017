package com.flowmatik.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the connection pool behind {@link CommitOnReturnDataSource} when its auto-commit is off, as
 * {@code application.yml} sets it, so that every user of the data source (JPA, Axon, JdbcTemplate,
 * Flyway, db-scheduler) gets connections that commit what was left pending when they go back.
 */
@Configuration(proxyBeanMethods = false)
class PoolWithoutAutoCommit {

    @Bean
    static BeanPostProcessor commitOnReturn() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool && !pool.isAutoCommit()
                        ? new CommitOnReturnDataSource(pool)
                        : bean;
            }
        };
    }
}

package com.flowmatik.app.sides;

import com.flowmatik.command.CommandSideConfiguration;
import com.flowmatik.query.QuerySideConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Brings in the command side, the query side, or both. With both in one process everything works
 * without Axon Server; a split deployment routes messages between processes through it.
 */
@Configuration(proxyBeanMethods = false)
public class SidesConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSide(Side.COMMAND)
    @Import(CommandSideConfiguration.class)
    static class CommandSide {}

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSide(Side.QUERY)
    @Import(QuerySideConfiguration.class)
    static class QuerySide {}
}

package com.flowmatik.query;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the query side runs. The app imports this only when the process runs the query side
 * ({@code FLOWMATIK_SIDES}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
public class QuerySideConfiguration {}

package com.flowmatik.query.admin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the plan prices the MRR is counted in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanPrices.class)
class AdminMetricsConfiguration {}

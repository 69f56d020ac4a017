package com.flowmatik.query;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;

/**
 * The configuration a {@link ProjectionTest} starts from: this side's package for entities and
 * repositories, and nothing scanned, so a test runs only the projection it names.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
class ProjectionTestApplication {}

package com.flowmatik.query;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * A test of the projections it names, against their tables on an in-memory H2 (in the MySQL mode
 * the embedded platform runs) with the schema Hibernate makes from the entities. Events reach the
 * projections through {@link Deliveries} as Axon hands them over; each test runs in a transaction
 * that is rolled back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJpaTest(
        showSql = false,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "spring.jpa.hibernate.ddl-auto=create-drop"
        })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ProjectionTest.Projections.class, ProjectionTest.Support.class, Deliveries.class, Tables.class})
public @interface ProjectionTest {

    /** The projections under test, made beans with the repositories they need. */
    Class<?>[] value();

    /** Imports the classes {@link ProjectionTest#value()} names. */
    class Projections implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata test) {
            return (String[]) test.getAnnotationAttributes(ProjectionTest.class.getName(), true)
                    .get("value");
        }
    }

    /** What a projection gets from Axon besides its repositories. */
    class Support {

        @Bean
        QueryUpdateEmitter queryUpdateEmitter() {
            return SimpleQueryUpdateEmitter.builder().build();
        }
    }
}

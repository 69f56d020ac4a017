package com.flowmatik;

import com.flowmatik.app.operator.OperatorCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one deployable. It sits in the root package so that entities and repositories of both sides
 * are found, while component scanning stays inside {@code app}: which side's handlers run is
 * decided by {@link com.flowmatik.app.sides.SidesConfiguration}.
 */
@SpringBootApplication(
        scanBasePackages = "com.flowmatik.app",
        excludeName = {
            // users sign in with tokens, never with a generated in-memory password
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            // the actuator's endpoints answer through Jackson 3. A Jackson 2 mapper for them (Jackson 2
            // is here for openai-java and springdoc) registered Kotlin's module, which loaded Kotlin's
            // reflection at every start (as did springdoc's Kotlin support, off in application.yml)
            "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration"
        })
@ConfigurationPropertiesScan("com.flowmatik.app")
public class FlowmatikApplication {

    /** The platform, or with an operator command first ({@code --help} lists them) that command. */
    public static void main(String[] args) {
        if (OperatorCommandLine.isOperatorCommand(args)) {
            System.exit(OperatorCommandLine.run(FlowmatikApplication.class, args, System.out, System.err));
        }
        SpringApplication.run(FlowmatikApplication.class, args);
    }
}

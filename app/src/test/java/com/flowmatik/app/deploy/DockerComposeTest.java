package com.flowmatik.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Holds docker-compose.yml, the Dockerfile and axonserver/ to what the application really reads,
 * so that a renamed variable, service or port fails here and not at the first deployment. Reads
 * the files only: no Docker, no Spring context.
 */
class DockerComposeTest {

    private static final List<String> APP_SERVICES = List.of("command-side", "query-side");

    private static final Map<String, String> SIDE_OF_SERVICE = Map.of("command-side", "command", "query-side", "query");

    /** Spring reads this one by relaxed binding, so no application*.yml names it. */
    private static final Set<String> READ_BY_SPRING = Set.of("SPRING_PROFILES_ACTIVE");

    /** Read from the Environment by the application's code (the DATABASE_URL post-processor, the start-up checks). */
    private static final Set<String> READ_BY_CODE = Set.of("DATABASE_URL", "DATABASE_SERVER", "FLOWMATIK_AI_PROVIDER");

    /**
     * Passed through by compose ahead of the code that uses them: later issues wire the payment
     * and AI providers and CORS, and each variable leaves this list when its issue lands.
     */
    private static final Set<String> PASSED_THROUGH_BEFORE_WIRED = Set.of(
            "STRIPE_SECRET_KEY",
            "STRIPE_WEBHOOK_SECRET",
            "LEMONSQUEEZY_API_KEY",
            "LEMONSQUEEZY_WEBHOOK_SECRET",
            "SILICONFLOW_API_KEY",
            "SILICONFLOW_BASE_URL",
            "CORS_ORIGINS");

    private static final Pattern SHORT_DATABASE_URL = Pattern.compile(
            "(?:mysql|mariadb)://(?<user>[^:@/]+)(?::(?<password>[^@]*))?@(?<host>[^:/]+)(?::(?<port>\\d+))?/(?<database>[^?]+).*");

    private static Path root;
    private static Map<String, ComposeService> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        Map<String, Object> compose = loadYaml(root.resolve("docker-compose.yml"));
        services = new LinkedHashMap<>();
        asMap(compose.get("services"))
                .forEach((name, definition) -> services.put(name, new ComposeService(name, asMap(definition))));
    }

    @Test
    void composeRunsMysqlRedisAxonServerAndBothAppSides() {
        assertThat(services).containsKeys("mysql", "redis", "axonserver", "command-side", "query-side");
    }

    @Test
    void everyComposeImageIsPinnedToATagOtherThanLatest() {
        services.values().stream()
                .filter(service -> service.image() != null)
                .forEach(service -> assertThat(tagOf(service.image()))
                        .as("tag of %s in service %s", service.image(), service.name())
                        .isNotBlank()
                        .isNotEqualTo("latest"));
    }

    @Test
    void theRuntimeImageIsPinnedToAJavaPatchRelease() throws IOException {
        List<String> runtime = dockerfileStages().get(dockerfileStages().size() - 1);
        String image = runtime.get(0).split("\\s+")[1];

        assertThat(tagOf(image)).as("tag of the runtime image %s", image).matches("\\d+\\.\\d+\\.\\d+_\\d+-jre.*");
    }

    @Test
    void everyDockerfileBaseImageIsPinnedToATagOtherThanLatest() throws IOException {
        List<String> images = dockerfileStages().stream()
                .map(stage -> stage.get(0).split("\\s+"))
                .map(from -> Arrays.stream(from)
                        .skip(1)
                        .filter(word -> !word.startsWith("--"))
                        .findFirst()
                        .orElseThrow())
                .toList();

        assertThat(images)
                .isNotEmpty()
                .allSatisfy(image -> assertThat(tagOf(image))
                        .as("tag of %s", image)
                        .isNotBlank()
                        .isNotEqualTo("latest"));
    }

    @Test
    void axonServerPublishesOnlyItsDashboardOnLoopbackAndMountsItsConfigFolder() {
        ComposeService axonServer = services.get("axonserver");

        // access control is off: gRPC stays on the compose network, the dashboard on this host only
        assertThat(axonServer.ports()).extracting(PortMapping::target).containsExactly(8024);
        assertThat(axonServer.ports())
                .allSatisfy(port -> assertThat(port.hostIp()).isEqualTo("127.0.0.1"));
        Mount config = axonServer.volumes().stream()
                .filter(mount -> "/axonserver/config".equals(mount.target()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("axonserver mounts nothing at /axonserver/config"));
        assertThat(config.source()).isEqualTo("./axonserver/config");
        assertThat(root.resolve(config.source()).resolve("axonserver.properties"))
                .isRegularFile();
    }

    @Test
    void axonServerKeepsEventsOnANamedVolume() throws IOException {
        String eventStorage = axonServerProperties().getProperty("axoniq.axonserver.event.storage");

        assertThat(eventStorage).as("axoniq.axonserver.event.storage").isNotBlank();
        assertThat(services.get("axonserver").volumes()).anySatisfy(mount -> {
            assertThat(Path.of(eventStorage)).startsWithRaw(Path.of(mount.target()));
            assertThat(mount.source())
                    .as("a named volume, not a host path")
                    .isNotNull()
                    .doesNotStartWith(".")
                    .doesNotStartWith("/");
        });
    }

    @Test
    void bothAppSidesBuildFromTheRepositoryAndRunTheirOwnSideInTheAxonServerMode() {
        SIDE_OF_SERVICE.forEach((name, side) -> {
            ComposeService service = services.get(name);
            assertThat(service.buildContext()).as("build context of %s", name).isIn(".", "./");
            assertThat(service.environment()).as("environment of %s", name).containsEntry("FLOWMATIK_SIDES", side);
            assertThat(service.environment().get("SPRING_PROFILES_ACTIVE"))
                    .as("profiles of %s", name)
                    .isNotNull()
                    .satisfies(
                            profiles -> assertThat(profiles.split("\\s*,\\s*")).contains("axonserver"));
        });
    }

    @Test
    void appSidesReachAxonServerByServiceNameOnItsGrpcPort() throws IOException {
        int grpcPort = Integer.parseInt(axonServerProperties().getProperty("axoniq.axonserver.port", "8124"));
        assertThat(grpcPort).isEqualTo(8124);

        for (String name : APP_SERVICES) {
            String servers = services.get(name).environment().get("AXONSERVER_SERVERS");
            assertThat(servers).as("AXONSERVER_SERVERS of %s", name).isNotBlank();
            for (String server : servers.split("\\s*,\\s*")) {
                assertThat(server).as("AXONSERVER_SERVERS of %s", name).isEqualTo("axonserver:" + grpcPort);
            }
        }
    }

    @Test
    void databaseUrlLogsIntoTheMysqlServiceWithItsOwnDatabaseUserAndPassword() {
        Map<String, String> mysql = services.get("mysql").environment();

        for (String name : APP_SERVICES) {
            String url = services.get(name).environment().get("DATABASE_URL");
            assertThat(url).as("DATABASE_URL of %s", name).isNotNull().matches(SHORT_DATABASE_URL);
            Matcher parts = SHORT_DATABASE_URL.matcher(url);
            assertThat(parts.matches()).isTrue();
            assertThat(parts.group("host")).as("database host of %s", name).isEqualTo("mysql");
            assertThat(parts.group("port")).as("database port of %s", name).isIn(null, "3306");
            assertThat(parts.group("database")).as("database of %s", name).isEqualTo(mysql.get("MYSQL_DATABASE"));
            assertThat(parts.group("user")).as("database user of %s", name).isEqualTo(mysql.get("MYSQL_USER"));
            assertThat(parts.group("password"))
                    .as("database password of %s", name)
                    .isEqualTo(mysql.get("MYSQL_PASSWORD"));
        }
    }

    @Test
    void redisUrlNamesTheRedisService() {
        for (String name : APP_SERVICES) {
            String url = services.get(name).environment().get("REDIS_URL");
            assertThat(url).as("REDIS_URL of %s", name).isNotNull();
            URI redis = URI.create(url);
            assertThat(redis.getScheme()).isIn("redis", "rediss");
            assertThat(redis.getHost()).as("Redis host of %s", name).isEqualTo("redis");
            assertThat(redis.getPort()).as("Redis port of %s", name).isIn(-1, 6379);
        }
    }

    @Test
    void jwtSecretIsRequiredFromTheEnvironmentNeverWrittenInTheFile() {
        for (String name : APP_SERVICES) {
            assertThat(services.get(name).environment().get("JWT_SECRET"))
                    .as("JWT_SECRET of %s", name)
                    .startsWith("${JWT_SECRET:?")
                    .endsWith("}");
        }
    }

    @Test
    void everyVariableTheAppSidesSetIsOneTheApplicationReads() throws IOException {
        String configuration = applicationConfigurationText();
        String mainSources = mainJavaSourcesText();

        List<String> unread = APP_SERVICES.stream()
                .flatMap(name -> services.get(name).environment().keySet().stream())
                .distinct()
                .filter(variable -> !isPlaceholderIn(variable, configuration))
                .filter(variable -> !READ_BY_SPRING.contains(variable))
                .filter(variable -> !(READ_BY_CODE.contains(variable) && mainSources.contains('"' + variable + '"')))
                .filter(variable -> !PASSED_THROUGH_BEFORE_WIRED.contains(variable))
                .toList();

        assertThat(unread).as("variables the app sides set but nothing reads").isEmpty();
    }

    @Test
    void dockerfileRunsTheJarThatTheAppModuleBuilds() throws Exception {
        String jar = appFinalName() + ".jar";
        List<List<String>> stages = dockerfileStages();
        List<String> runtime = stages.get(stages.size() - 1);

        String entrypoint = instruction(runtime, "ENTRYPOINT", "CMD");
        String runJar = argumentAfter("-jar", entrypoint);
        assertThat(Path.of(runJar).getFileName())
                .as("jar the runtime stage runs")
                .hasToString(jar);

        // the build unpacks the app module's jar (a thin jar beside its lib/) and the runtime copies that folder
        String extract = stages.stream()
                .flatMap(List::stream)
                .filter(line -> line.contains("-Djarmode=tools"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stage unpacks the jar with -Djarmode=tools"));
        assertThat(argumentAfter("-jar", extract)).as("jar the build unpacks").endsWith("app/target/" + jar);
        String extracted = argumentAfter("--destination", extract);
        String copy = runtime.stream()
                .filter(line -> line.matches("(?i)COPY\\s+--from=.*"))
                .filter(line -> line.contains(extracted))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the runtime stage copies nothing from " + extracted));
        List<String> copyArguments = words(copy);
        assertThat(Path.of(copyArguments.get(copyArguments.size() - 1), jar))
                .as("where the unpacked jar lands")
                .isEqualTo(Path.of(runJar));
    }

    @Test
    void theAotCacheTheImageStartsWithIsTrainedOnTheSameJarWithTheSameFlags() throws IOException {
        List<String> runtime = dockerfileStages().get(dockerfileStages().size() - 1);
        List<String> entrypoint = words(instruction(runtime, "ENTRYPOINT", "CMD"));
        String cache = entrypoint.stream()
                .filter(word -> word.startsWith("-XX:AOTCache="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the image starts without an AOT cache"))
                .substring("-XX:AOTCache=".length());

        String training = runtime.stream()
                .filter(line -> line.contains("-XX:AOTCacheOutput=" + cache))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no training run writes " + cache));
        List<String> trainingWords = words(training);
        assertThat(argumentAfter("-jar", training))
                .as("jar of the training run")
                .isEqualTo(argumentAfter("-jar", String.join(" ", entrypoint)));
        assertThat(trainingWords)
                .as("the training run ends at a refreshed context")
                .contains("-Dspring.context.exit=onRefresh");
        entrypoint.stream()
                .filter(word -> word.startsWith("-XX:") && !word.startsWith("-XX:AOTCache="))
                .forEach(flag -> assertThat(trainingWords)
                        .as("the training run has the ENTRYPOINT's %s", flag)
                        .contains(flag));
    }

    @Test
    void appSidesMapDistinctHostPortsToTheApplicationsDefaultPort() throws IOException {
        int defaultPort = applicationDefaultPort();
        List<String> runtime = dockerfileStages().get(dockerfileStages().size() - 1);
        assertThat(words(instruction(runtime, "EXPOSE"))).contains(String.valueOf(defaultPort));

        List<String> published = new ArrayList<>();
        for (String name : APP_SERVICES) {
            ComposeService service = services.get(name);
            assertThat(service.ports())
                    .as("ports of %s", name)
                    .isNotEmpty()
                    .allSatisfy(port -> assertThat(port.target()).isEqualTo(defaultPort));
            String port = service.environment().get("PORT");
            if (port != null) {
                assertThat(port).as("PORT of %s", name).isEqualTo(String.valueOf(defaultPort));
            }
            service.ports().forEach(mapping -> published.add(mapping.published()));
        }
        assertThat(published).doesNotContainNull().doesNotHaveDuplicates();
    }

    // --- the files under test ---

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new AssertionError(
                "no directory above " + Path.of("").toAbsolutePath() + " holds docker-compose.yml and pom.xml");
    }

    private static Map<String, Object> loadYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return asMap(newYaml().load(reader));
        }
    }

    /** Safe construction: the files are data, and the merge keys compose files use still work. */
    private static Yaml newYaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static Properties axonServerProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("axonserver/config/axonserver.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    private static String applicationConfigurationText() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("app/src/main/resources"))) {
            List<Path> configuration = files.filter(
                            file -> file.getFileName().toString().matches("application.*\\.(yml|yaml|properties)"))
                    .toList();
            assertThat(configuration).as("application configuration files").isNotEmpty();
            StringBuilder text = new StringBuilder();
            for (Path file : configuration) {
                text.append(Files.readString(file)).append('\n');
            }
            return text.toString();
        }
    }

    /** Every module's main sources: code that reads a variable may live in any of them. */
    private static String mainJavaSourcesText() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file ->
                            root.relativize(file).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
                    .map(DockerComposeTest::read)
                    .collect(Collectors.joining("\n"));
        }
    }

    private static boolean isPlaceholderIn(String variable, String configuration) {
        return Pattern.compile("\\$\\{" + Pattern.quote(variable) + "[:}]")
                .matcher(configuration)
                .find();
    }

    /** The number in {@code server.port: ${PORT:8080}}. */
    private static int applicationDefaultPort() throws IOException {
        try (Reader reader = Files.newBufferedReader(root.resolve("app/src/main/resources/application.yml"))) {
            for (Object document : newYaml().loadAll(reader)) {
                Object server = asMap(document).get("server");
                if (server != null && asMap(server).get("port") != null) {
                    Matcher port = Pattern.compile("\\$\\{PORT:(\\d+)}")
                            .matcher(String.valueOf(asMap(server).get("port")));
                    assertThat(port.matches())
                            .as("server.port is ${PORT:<default>}")
                            .isTrue();
                    return Integer.parseInt(port.group(1));
                }
            }
        }
        throw new AssertionError("application.yml sets no server.port");
    }

    private static String appFinalName() throws Exception {
        var pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(root.resolve("app/pom.xml").toFile());
        String finalName = XPathFactory.newInstance().newXPath().evaluate("/project/build/finalName", pom);
        assertThat(finalName).as("<finalName> in app/pom.xml").isNotBlank();
        return finalName.trim();
    }

    /** The Dockerfile's instructions (continuation lines joined, comments dropped), one list per stage. */
    private static List<List<String>> dockerfileStages() throws IOException {
        String joined = Files.readString(root.resolve("Dockerfile")).replaceAll("\\\\\\r?\\n", " ");
        List<List<String>> stages = new ArrayList<>();
        for (String line : joined.split("\\r?\\n")) {
            String instruction = line.strip();
            if (instruction.isEmpty() || instruction.startsWith("#")) {
                continue;
            }
            if (instruction.matches("(?i)FROM\\s.*")) {
                stages.add(new ArrayList<>());
            }
            assertThat(stages).as("the Dockerfile starts with FROM").isNotEmpty();
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }

    private static String instruction(List<String> stage, String... keywords) {
        return stage.stream()
                .filter(line -> Arrays.stream(keywords)
                        .anyMatch(keyword -> line.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1)))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the runtime stage has no " + String.join(" or ", keywords)));
    }

    /** The words of an instruction in shell or exec form, without quotes, brackets and commas. */
    private static List<String> words(String instruction) {
        return Arrays.stream(instruction.replaceAll("[\\[\\]\",]", " ").trim().split("\\s+"))
                .skip(1)
                .toList();
    }

    private static String argumentAfter(String option, String instruction) {
        List<String> words = words(instruction);
        int at = words.indexOf(option);
        assertThat(at).as("%s in: %s", option, instruction).isNotNegative().isLessThan(words.size() - 1);
        return words.get(at + 1);
    }

    /** The tag of an image reference, or null when it has none (a digest counts as pinned). */
    private static String tagOf(String image) {
        if (image.contains("@sha256:")) {
            return image.substring(image.indexOf('@') + 1);
        }
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastPart.indexOf(':');
        return colon < 0 ? null : lastPart.substring(colon + 1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object yaml) {
        assertThat(yaml).isInstanceOf(Map.class);
        return (Map<String, Object>) yaml;
    }

    // --- a compose service, in whichever of compose's short or long syntaxes it is written ---

    record ComposeService(String name, Map<String, Object> definition) {

        String image() {
            return (String) definition.get("image");
        }

        String buildContext() {
            Object build = definition.get("build");
            return build instanceof Map<?, ?> map ? (String) map.get("context") : (String) build;
        }

        /** KEY=VALUE list or map; a variable written without a value maps to null (passed through). */
        Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            Object declared = definition.get("environment");
            if (declared instanceof Map<?, ?> map) {
                map.forEach((key, value) ->
                        environment.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
            } else if (declared instanceof List<?> list) {
                for (Object entry : list) {
                    String[] pair = String.valueOf(entry).split("=", 2);
                    environment.put(pair[0], pair.length == 2 ? pair[1] : null);
                }
            }
            return environment;
        }

        List<PortMapping> ports() {
            return listOf("ports").stream().map(PortMapping::of).toList();
        }

        List<Mount> volumes() {
            return listOf("volumes").stream().map(Mount::of).toList();
        }

        private List<?> listOf(String key) {
            Object value = definition.get(key);
            return value instanceof List<?> list ? list : List.of();
        }
    }

    /** {@code [[ip:]published:]target[/protocol]} or {target, published, host_ip}. */
    record PortMapping(String hostIp, String published, int target) {

        static PortMapping of(Object declared) {
            if (declared instanceof Map<?, ?> map) {
                Object published = map.get("published");
                Object hostIp = map.get("host_ip");
                return new PortMapping(
                        hostIp == null ? null : String.valueOf(hostIp),
                        published == null ? null : String.valueOf(published),
                        Integer.parseInt(String.valueOf(map.get("target"))));
            }
            String[] parts = String.valueOf(declared).replaceAll("/\\w+$", "").split(":");
            String published = parts.length > 1 ? parts[parts.length - 2] : null;
            String hostIp = parts.length > 2 ? parts[0] : null;
            return new PortMapping(hostIp, published, Integer.parseInt(parts[parts.length - 1]));
        }
    }

    /** {@code source:target[:mode]}, a bare target, or {source, target}. */
    record Mount(String source, String target) {

        static Mount of(Object declared) {
            if (declared instanceof Map<?, ?> map) {
                return new Mount((String) map.get("source"), (String) map.get("target"));
            }
            String[] parts = String.valueOf(declared).split(":");
            return parts.length == 1 ? new Mount(null, parts[0]) : new Mount(parts[0], parts[1]);
        }
    }
}

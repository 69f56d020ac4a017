package com.flowmatik.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void theShortFormBecomesAJdbcUrlWithCredentialsForTheNamedServer() {
        DatabaseUrl mysql = DatabaseUrl.parse(
                "mysql://app:s%40cret@db.internal:3307/flowmatik?useSSL=false", DatabaseUrl.Server.MYSQL);
        DatabaseUrl mariadb = DatabaseUrl.parse("mysql://app:pw@db.internal/flowmatik", DatabaseUrl.Server.MARIADB);

        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mysql://db.internal:3307/flowmatik?useSSL=false");
        assertThat(mysql.username()).isEqualTo("app");
        assertThat(mysql.password()).isEqualTo("s@cret");
        assertThat(mariadb.jdbcUrl()).isEqualTo("jdbc:mariadb://db.internal:3306/flowmatik");
    }

    @Test
    void aUserWithoutPasswordGetsAnEmptyPassword() {
        DatabaseUrl url = DatabaseUrl.parse("mysql://root@127.0.0.1:3306/flowmatik", DatabaseUrl.Server.MARIADB);

        assertThat(url.username()).isEqualTo("root");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:mariadb://localhost:3306/flowmatik?user=root", null);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:mariadb://localhost:3306/flowmatik?user=root");
        assertThat(url.username()).isNull();
    }

    @Test
    void theMariadbSchemeNamesItsServer() {
        assertThat(DatabaseUrl.namedServer("mariadb://root@h/db")).isEqualTo(DatabaseUrl.Server.MARIADB);
        assertThat(DatabaseUrl.namedServer("mysql://root@h/db")).isNull();
    }

    @Test
    void aUrlWithoutDatabaseIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://app:topsecret@host:3306/", DatabaseUrl.Server.MYSQL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://host/db", DatabaseUrl.Server.MYSQL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServerKindComesFromDatabaseServerWhenSet() {
        assertThat(DatabaseUrlEnvironmentPostProcessor.resolve("mysql://u:p@nowhere.invalid/db", "mariadb")
                        .jdbcUrl())
                .startsWith("jdbc:mariadb://");
        assertThat(DatabaseUrlEnvironmentPostProcessor.resolve("mysql://u:p@nowhere.invalid/db", "MYSQL")
                        .jdbcUrl())
                .startsWith("jdbc:mysql://");
    }
}

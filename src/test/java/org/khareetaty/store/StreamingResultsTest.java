package org.khareetaty.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streamed results hold only for the work that asked for them: pooled connections go back as H2 made them. */
class StreamingResultsTest {

    @TempDir
    Path folder;

    private static String lazy(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.isLazyQueryExecution() ? "TRUE" : "FALSE";
    }

    @Test
    void onlyTheWorkStreamsEvenWhenItFails() {
        Database database = TestDatabases.open(folder);
        try {
            assertThat(database.withStreamingResults(StreamingResultsTest::lazy)).isEqualTo("TRUE");
            assertThatThrownBy(() -> database.withStreamingResults(connection -> {
                throw new SQLException("broken work");
            })).hasMessageContaining("broken work");
            for (int i = 0; i < 4; i++) { // the pool hands out every connection it holds
                assertThat(database.withConnection(StreamingResultsTest::lazy)).isEqualTo("FALSE");
            }
        } finally {
            database.close();
        }
    }
}

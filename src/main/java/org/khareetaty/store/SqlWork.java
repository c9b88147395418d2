package org.khareetaty.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work given a connection by {@link Database}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}

package org.khareetaty.alerts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Finds what one kind of rule would alert about, reading the database; it writes nothing. */
interface RuleCheck {
    List<AlertCandidate> find(Connection connection, AlertRule rule, EvaluationTime time) throws SQLException;
}

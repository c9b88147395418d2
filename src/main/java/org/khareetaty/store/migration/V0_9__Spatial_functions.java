package org.khareetaty.store.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.h2gis.functions.factory.H2GISFunctions;

/** Registers the H2GIS spatial functions (ST_*) in a new database, before any table uses them. */
public final class V0_9__Spatial_functions extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        H2GISFunctions.load(context.getConnection());
    }
}

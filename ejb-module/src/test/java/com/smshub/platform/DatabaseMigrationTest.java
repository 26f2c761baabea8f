package com.smshub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseMigrationTest {

    @AfterEach
    void clear() {
        System.clearProperty(DatabaseMigration.DEMO_DATA);
    }

    @Test
    void productionMigratesTheSchemaOnly() {
        assertEquals(List.of("classpath:db/migration", "classpath:db/vendor/postgresql"), DatabaseMigration.locations("postgresql"));
    }

    @Test
    void demoDataOnlyWhenAskedFor() {
        System.setProperty(DatabaseMigration.DEMO_DATA, "true");
        assertEquals(List.of("classpath:db/migration", "classpath:db/vendor/h2", "classpath:db/demo"),
                DatabaseMigration.locations("h2"));
    }
}

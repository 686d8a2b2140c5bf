-- Two roles for a PostgreSQL database of this library (run once, as a superuser or a role with CREATEROLE,
-- connected to the application's database; replace the passwords):
--   entreprinder_owner  owns the schema objects and runs the migrations (Database.migrate / migrateOnStart)
--   entreprinder_app    what the services connect as: data rights only, no DDL
-- docs tested by integration-tests' LeastPrivilegeIT, which runs this file with other role names.

CREATE ROLE entreprinder_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE entreprinder_app LOGIN PASSWORD 'change-me-app';

-- Only the owner may create objects in the schema (PostgreSQL 15 already denies CREATE to PUBLIC).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO entreprinder_owner;
GRANT USAGE ON SCHEMA public TO entreprinder_app;

-- Every table, sequence and function the owner's migrations create is usable by the application, now and later.
ALTER DEFAULT PRIVILEGES FOR ROLE entreprinder_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO entreprinder_app;
ALTER DEFAULT PRIVILEGES FOR ROLE entreprinder_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO entreprinder_app;
ALTER DEFAULT PRIVILEGES FOR ROLE entreprinder_owner IN SCHEMA public
    GRANT EXECUTE ON FUNCTIONS TO entreprinder_app;

-- After the first migration, keep the application away from Flyway's history (run as entreprinder_owner):
--   REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM entreprinder_app;

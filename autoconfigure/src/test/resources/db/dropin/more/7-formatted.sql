--liquibase formatted sql

--changeset vendor:7-sql
UPDATE item SET note = 'from sql' WHERE name = 'seeded';
--rollback UPDATE item SET note = NULL;

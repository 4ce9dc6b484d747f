--liquibase formatted sql

--changeset alice:1
CREATE TABLE customer (id bigint);

--changeset bob-without-id
CREATE TABLE orders (id bigint);

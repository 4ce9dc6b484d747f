INSERT INTO item (name) VALUES ('seeded');

#!/usr/bin/env bash
# Template clone vs full migration: a fresh migrated PostgreSQL database for a
# 1,000-changeset changelog, made by a full migration, cloned on demand (STRATEGY
# WAL_LOG and FILE_COPY), and handed to each test class of a simulated test run by
# MigratedDatabase's pool of clones made in the background. Prints medians in ms per
# database and the ratios.
#   MIGRATIONS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres test/src/benchmark/run.sh
# Options: -Dbenchmark.changesets=1000 -Dbenchmark.full-runs=5 -Dbenchmark.clone-runs=10
#          -Dbenchmark.classes=20 -Dbenchmark.class-ms=1000 -Dbenchmark.pool-size=2
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${MIGRATIONS_TEST_POSTGRES_URL:?set MIGRATIONS_TEST_POSTGRES_URL to a PostgreSQL JDBC URL whose user may create databases}"
./mvnw -B -q -pl test -am verify -Dtest=TemplateCloneBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dit.test=none -Dfailsafe.failIfNoSpecifiedTests=false "$@" 2>&1 | sed -n '/^BENCHMARK/,/^END BENCHMARK/p'

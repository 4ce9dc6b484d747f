#!/usr/bin/env bash
# Boots one small app, packaged as a fat jar and run with java -jar, three ways (no migrations, Spring Boot's Liquibase support, this
# starter) against PostgreSQL and prints medians and ratios. See "Benchmark" in README.md.
#
#   src/benchmark/run.sh [--ns=10,100,1000,5000] [--rounds=11] [--first-apply=1000]
#                        [--postgres=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres]
#                        [--first-apply-rounds=5] [--psql=psql] [--psql-host=127.0.0.1] [--psql-user=postgres]
#
# With --tenants it runs the tenant benchmark instead (issue #11): one target of N tenant schemas sharing a
# changelog of M changesets, first apply at each parallelism, then no-op restarts against the app without migrations:
#
#   src/benchmark/run.sh --tenants=200 --tenant-changesets=30 --parallelism=1,4,8 [--rounds=5] [--postgres=...]
#
# Needs a JDK 17+, a PostgreSQL server whose user may create databases, and psql.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -Pbenchmark -pl benchmark -am package -DskipTests
classpath="benchmark/target/classes:$(ls benchmark/target/lib/*.jar | tr '\n' ':')"
# the apps run as the packaged fat jar (java -jar), the way users run them
exec java -cp "$classpath" io.bootmigrations.benchmark.BenchmarkRunner --work=benchmark/target/bench \
	--jar=benchmark/target/boot-migrations-benchmark.jar "$@"

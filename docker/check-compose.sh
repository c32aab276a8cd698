#!/usr/bin/env bash
# Checks docker/compose.yml without Docker (ComposeFileTest): it parses, uses only apache/kafka and
# images built here, sets only documented settings the services read, and replicates topics 3 times
# with min.insync.replicas 2. ./mvnw verify runs the same test; this runs it alone after an edit.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl standalone -am test -Dtest=ComposeFileTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "docker/compose.yml: ok"

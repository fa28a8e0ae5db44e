#!/usr/bin/env bash
# The window probe (org.impactdesk.WindowProbe, test scope, not in the jar): opens the real window
# on a database, takes a coordinator's and an admin's steps and prints, per step, the FX thread's
# CPU time, the longest frame gap and the time until the data is shown (see docs/benchmarks.md).
#   docs/probe.sh DISPLAY DB COORDINATOR_ID ADMIN_ID [more WindowProbe options]
# e.g. docs/probe.sh :91 /tmp/big/db u-fjordlys-coord-02 u-fjordlys-admin-1
# (an X display, e.g. Xvfb :91 -screen 0 1600x1000x24; software rendering as on the test machines)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
display="$1" db="$2" coordinator="$3" admin="$4"
shift 4
cd "$root"
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test 1>&2
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java" ] || java=java
DISPLAY="$display" exec "$java" -Xmx2g -Dprism.order=sw -Dimpactdesk.home="$root" --enable-native-access=ALL-UNNAMED \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.impactdesk.WindowProbe \
    --db "$db" --coordinator "$coordinator" --admin "$admin" "$@"

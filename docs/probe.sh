#!/usr/bin/env bash
# The window probe (org.impactdesk.WindowProbe, test scope, not in the jar): opens the real window
# on a database, takes a coordinator's and an admin's steps and prints, per step, the FX thread's
# CPU time, the longest frame gap and the time until the data is shown (see docs/benchmarks.md).
#   docs/probe.sh DISPLAY DB COORDINATOR_ID ADMIN_ID [more WindowProbe options]
# e.g. docs/probe.sh :91 /tmp/big/db u-fjordlys-coord-02 u-fjordlys-admin-1
# (an X display, e.g. Xvfb :91 -screen 0 1600x1000x24; software rendering as on the test machines)
# PROBE_AOT=FILE runs the window as bin/impact-desk does on JDK 25, with an ahead-of-time cache
# (classes loaded and linked, method profiles): the first run with a FILE that does not exist
# writes it as it exits (a training run, as a user's first window run), the next runs use it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
display="$1" db="$2" coordinator="$3" admin="$4"
shift 4
cd "$root"
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
    -Dmdep.includeScope=test 1>&2
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java" ] || java=java
aot=()
classes="target/test-classes:target/classes"
if [ -n "${PROBE_AOT:-}" ]; then
    # the cache maps jars only (no directories on the class path): the training run packs the
    # classes into jars beside the cache, and the runs that use it take those same jars
    jars="$PROBE_AOT.jars"
    if [ -f "$PROBE_AOT" ]; then
        aot=(-XX:AOTCache="$PROBE_AOT")
    else
        rm -rf "$jars" && mkdir -p "$jars"
        "${java%/java}/jar" cf "$jars/test-classes.jar" -C target/test-classes .
        "${java%/java}/jar" cf "$jars/classes.jar" -C target/classes .
        aot=(-XX:AOTCacheOutput="$PROBE_AOT")
    fi
    classes="$jars/test-classes.jar:$jars/classes.jar"
    aot+=(-Xlog:disable "-Xlog:all=warning,cds*=off,aot*=off:stderr")
fi
DISPLAY="$display" exec "$java" "${aot[@]}" -Xmx2g -Dprism.order=sw -Dimpactdesk.home="$root" --enable-native-access=ALL-UNNAMED \
    -cp "$classes:$(cat target/test-classpath.txt)" org.impactdesk.WindowProbe \
    --db "$db" --coordinator "$coordinator" --admin "$admin" "$@"

#!/usr/bin/env bash
# The real window with the screenshot hooks (org.impactdesk.tools.ScreenshotApp, test scope, not
# in the jar): takes bin/impact-desk's arguments; docs/shoot.sh and docs/tour.sh call it with
# -Dimpactdesk.screen, -Dimpactdesk.readyFile and -Dimpactdesk.tour in IMPACT_DESK_JAVA_OPTS.
# Compiles the main and test classes first when a source is newer than the last build.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
stamp=target/.screenshot-app-built
if [ ! -f "$stamp" ] || [ ! -f target/test-classpath.txt ] \
        || [ -n "$(find pom.xml src fxml styles -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt \
        -Dmdep.includeScope=test 1>&2
    touch "$stamp"
fi
java="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$java" ] || java=java
exec "$java" ${IMPACT_DESK_JAVA_OPTS:-} -Dimpactdesk.home="$root" --enable-native-access=ALL-UNNAMED \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.impactdesk.tools.ScreenshotApp\$Main "$@"

# Sourced by ./mvnw, ./amelie and .ci/run: points JAVA_HOME at a JDK 25 or newer.
# Order: JAVA_HOME if it is 25+, then /usr/lib/jvm/temurin-25*, then any /usr/lib/jvm/*25*.
amelie_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
amelie_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(amelie_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "amelie: no JDK 25 found (JAVA_HOME is '${JAVA_HOME:-unset}', nothing in /usr/lib/jvm/*25*): install Temurin 25 or set JAVA_HOME to a JDK 25+" >&2
  return 1
}

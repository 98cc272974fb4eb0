# Shell functions shared by ./kumo and scripts/test: messages, Debian packages, finding a JDK 21+.

say() { printf '%s\n' "$*"; }
die() { printf 'kumo: %s\n' "$*" >&2; exit 1; }

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

# A JDK 21+ (kumo compiles with --release 21): $JAVA_HOME, then Temurin 25, then any under /usr/lib/jvm.
find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*)
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/javac" ] && [ "$(java_major "$home/bin/java")" -ge 21 ] 2>/dev/null; then
      echo "$home"; return 0
    fi
  done
  return 1
}

need_root_for() { [ "$(id -u)" = 0 ] || die "$1 needs root: run it with sudo"; }

install_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root_for "installing ${missing[*]}"
  say "kumo: installing ${missing[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_jdk() {
  JDK="$(find_jdk)" && return 0
  need_root_for "installing a JDK 21+"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  for p in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
    if apt-cache show "$p" >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null && break
    fi
  done
  JDK="$(find_jdk)" || die "no JDK 21 or newer found (looked in \$JAVA_HOME and /usr/lib/jvm) and none is packaged here; install one (e.g. Temurin 25) and set JAVA_HOME"
}


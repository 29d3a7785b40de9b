#!/usr/bin/env bash
# Builds PID Namespace Lab for Linux: a self-contained app-image with its own Java runtime
# (jpackage, target/dist/pidns-lab/), a .tar.gz of it, and a .deb made from the app-image with
# dpkg-deb. Documented in packaging/README.md.
#
#   packaging/build.sh                 # mvn package -DskipTests, app-image, .tar.gz, .deb
#   packaging/build.sh --skip-jar      # reuse target/pidns-lab.jar (CI: after mvn verify)
#   packaging/build.sh --app-image     # only the app-image
#
# Every tool is checked before anything is built; each stage prints one line when it starts and
# one with its time when it ends. DEB_COMPRESSION (xz, the default, or gzip, zstd, none) is passed
# to dpkg-deb -Z.
set -euo pipefail
cd "$(dirname "$0")/.."

skip_jar=false
only_image=false
for arg in "$@"; do
  case "$arg" in
    --skip-jar) skip_jar=true ;;
    --app-image) only_image=true ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "packaging/build.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

name=pidns-lab
jar=target/pidns-lab.jar
dist=target/dist
work=target/jpackage
# Modules that jdeps cannot see because nothing names them statically. None are needed today;
# java.xml (GraphML) comes with java.desktop.
EXTRA_MODULES="${EXTRA_MODULES:-}"

# --- the tools, all checked before the first stage -----------------------------------------------
missing=()
need() { # need TOOL PACKAGE: TOOL must be on PATH; PACKAGE is the Debian package that has it
  command -v "$1" >/dev/null 2>&1 || missing+=("$1:$2")
}
need jpackage openjdk-17-jdk
need jdeps openjdk-17-jdk
need jar openjdk-17-jdk
$skip_jar || need mvn maven
if ! $only_image; then
  need dpkg-deb dpkg
  need dpkg-shlibdeps dpkg-dev
fi
if [ ${#missing[@]} -gt 0 ]; then
  packages=()
  for m in "${missing[@]}"; do
    echo "packaging/build.sh: ${m%%:*} not found (Debian package ${m#*:})" >&2
    packages+=("${m#*:}")
  done
  echo "packaging/build.sh: install them first: apt-get install -y $(printf '%s\n' "${packages[@]}" | sort -u | tr '\n' ' ')" >&2
  exit 2
fi

# --- stages: a line when one starts, a line with its time when it ends ------------------------------
stage_start=0
stage=setup
begin() { stage=${1%%:*}; stage_start=$SECONDS; echo "$1"; }
trap 'echo "packaging/build.sh: stage \"$stage\" failed after $((SECONDS - stage_start)) s" >&2' ERR
finish() { echo "  $1 ($((SECONDS - stage_start)) s)"; }

if ! $skip_jar; then
  begin "jar: mvn package -DskipTests ..."
  log=target/build-jar.log
  mkdir -p target
  # Maven's output goes to a log: Debian's Maven 3.8 prints stray ESC[0m codes even with -B -q.
  if ! mvn -B -q --no-transfer-progress package -DskipTests >"$log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$log" >&2
    echo "packaging/build.sh: mvn package failed (log: $log)" >&2
    exit 1
  fi
  finish "$jar, $(du -h "$jar" | cut -f1)"
fi
[ -f "$jar" ] || { echo "packaging/build.sh: $jar is missing: run mvn package first" >&2; exit 2; }

rm -rf "$work" "$dist/$name"
mkdir -p "$work/input" "$dist"
cp "$jar" "$work/input/"

# The pom's version, as filtered into the jar; jpackage wants numbers only (0.1.0-SNAPSHOT -> 0.1.0).
# The licence and the third-party notice come from the jar too, so every package ships the same.
(cd "$work" && jar xf input/pidns-lab.jar org/pidnslab/version.properties META-INF/pidns-lab)
pom_version=$(sed -n 's/^version=//p' "$work/org/pidnslab/version.properties")
app_version=$(printf '%s' "$pom_version" | grep -oE '^[0-9]+(\.[0-9]+){0,2}')
[ -n "$app_version" ] || { echo "packaging/build.sh: no numeric version in '$pom_version'" >&2; exit 2; }

begin "app-image: jpackage with the JDK modules jdeps finds in the jar ..."
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
[ -n "$EXTRA_MODULES" ] && modules="$modules,$EXTRA_MODULES"
jpackage --type app-image \
  --name "$name" \
  --app-version "$app_version" \
  --description "PID Namespace Lab: a kernel-faithful simulation of Linux PID namespaces" \
  --vendor "PID Namespace Lab" \
  --icon assets/icons/pidns-lab-256.png \
  --input "$work/input" --main-jar pidns-lab.jar --main-class org.pidnslab.Launcher \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands" \
  --dest "$dist"
# The native helper: 'pidns-lab verify' and 'live' look for pidns-lab-helper next to pidns-lab.jar (lib/app/); the
# .tar.gz and the .deb are made from this app-image, so both carry it.
if [ -x target/pidns-lab-helper ]; then
  install -m 0755 target/pidns-lab-helper "$dist/$name/lib/app/pidns-lab-helper"
else
  echo "app-image: no target/pidns-lab-helper (no C compiler at build time): verify will say so"
fi
cp "$work/META-INF/pidns-lab/LICENSE" "$work/META-INF/pidns-lab/THIRD-PARTY.txt" "$dist/$name/"
finish "$dist/$name, $(du -sh "$dist/$name" | cut -f1), pidns-lab $pom_version, modules $modules"
$only_image && exit 0

begin "archive: tar.gz of the app-image ..."
tgz="$dist/$name-$app_version-linux-x64.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$dist" -czf "$tgz" "$name"
finish "$tgz, $(du -h "$tgz" | cut -f1)"

begin "deb: the app-image in /usr/lib/$name, /usr/bin/$name, desktop entry, MIME type, icons (dpkg-deb) ..."
packaging/linux/make-deb.sh "$dist/$name" "$app_version" "$work/deb" "$dist"
deb="$dist/${name}_${app_version}-1_amd64.deb"
finish "$deb, $(du -h "$deb" | cut -f1)"

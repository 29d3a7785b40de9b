#!/usr/bin/env bash
# Builds PID Namespace Lab for Linux with jpackage: a self-contained app-image with its own Java
# runtime (target/dist/pidns-lab/), a .tar.gz of it, and a .deb installer when dpkg-deb and
# fakeroot are installed. Documented in packaging/README.md.
#
#   packaging/build.sh                 # mvn package -DskipTests, app-image, .tar.gz, .deb
#   packaging/build.sh --skip-jar      # reuse target/pidns-lab.jar (CI: after mvn verify)
#   packaging/build.sh --app-image     # only the app-image (CI)
#
# The Java runtime holds only the JDK modules that jdeps finds in the fat jar (plus EXTRA_MODULES),
# so it stays lean; the version is the pom's, read from the jar.
set -euo pipefail
cd "$(dirname "$0")/.."

skip_jar=false
only_image=false
for arg in "$@"; do
  case "$arg" in
    --skip-jar) skip_jar=true ;;
    --app-image) only_image=true ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
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

for tool in jpackage jdeps jar; do
  command -v "$tool" >/dev/null || { echo "packaging/build.sh: $tool not found (a full JDK 17+ is needed)" >&2; exit 2; }
done

if ! $skip_jar; then
  mvn -B -q package -DskipTests
fi
[ -f "$jar" ] || { echo "packaging/build.sh: $jar is missing: run mvn package first" >&2; exit 2; }

rm -rf "$work" "$dist/$name"
mkdir -p "$work/input" "$dist"
cp "$jar" "$work/input/"

# The pom's version, as filtered into the jar; jpackage wants numbers only (0.1.0-SNAPSHOT -> 0.1.0).
(cd "$work" && jar xf input/pidns-lab.jar org/pidnslab/version.properties)
pom_version=$(sed -n 's/^version=//p' "$work/org/pidnslab/version.properties")
app_version=$(printf '%s' "$pom_version" | grep -oE '^[0-9]+(\.[0-9]+){0,2}')
[ -n "$app_version" ] || { echo "packaging/build.sh: no numeric version in '$pom_version'" >&2; exit 2; }

modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
[ -n "$EXTRA_MODULES" ] && modules="$modules,$EXTRA_MODULES"
echo "pidns-lab $pom_version: app version $app_version, runtime modules $modules"

common=(
  --name "$name"
  --app-version "$app_version"
  --description "PID Namespace Lab: a kernel-faithful simulation of Linux PID namespaces"
  --vendor "PID Namespace Lab"
  --icon assets/icons/pidns-lab-256.png
)
start=$SECONDS
jpackage --type app-image "${common[@]}" \
  --input "$work/input" --main-jar pidns-lab.jar --main-class org.pidnslab.Launcher \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands" \
  --dest "$dist"
# --- native helper (issue 15) -----------------------------------------------------------------
# 'pidns-lab verify' and 'live' look for pidns-lab-helper next to pidns-lab.jar (lib/app/); the
# .tar.gz and the .deb are made from this app-image, so both carry it.
if [ -x target/pidns-lab-helper ]; then
  install -m 0755 target/pidns-lab-helper "$dist/$name/lib/app/pidns-lab-helper"
else
  echo "app-image: no target/pidns-lab-helper (no C compiler at build time): verify will say so"
fi
# --- end native helper ------------------------------------------------------------------------
echo "app-image: $dist/$name ($(du -sh "$dist/$name" | cut -f1), $((SECONDS - start)) s)"
$only_image && exit 0

tgz="$dist/$name-$app_version-linux-x64.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$dist" -czf "$tgz" "$name"
echo "archive: $tgz ($(du -h "$tgz" | cut -f1))"

if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  start=$SECONDS
  rm -f "$dist/${name}_"*.deb
  jpackage --type deb "${common[@]}" \
    --app-image "$dist/$name" \
    --file-associations packaging/pidns-file-association.properties \
    --resource-dir packaging/linux \
    --linux-package-name "$name" \
    --linux-shortcut \
    --linux-menu-group "Education;Science;" \
    --linux-app-category education \
    --linux-package-deps libgtk-3-0 \
    --linux-deb-maintainer "pidns-lab@users.noreply.invalid" \
    --dest "$dist"
  deb=$(ls "$dist/${name}_"*.deb)
  echo "installer: $deb ($(du -h "$deb" | cut -f1), $((SECONDS - start)) s)"
else
  echo "installer: skipped (apt-get install -y dpkg-dev fakeroot to build the .deb)"
fi

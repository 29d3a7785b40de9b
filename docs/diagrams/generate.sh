#!/usr/bin/env bash
# Regenerates every diagram of docs/diagrams.md with the headless command, from the scripts in
# assets/. Run from anywhere: docs/diagrams/generate.sh  (builds target/pidns-lab.jar if missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/docs/diagrams"
jar="$root/target/pidns-lab.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q package -DskipTests)
fi
unset DISPLAY # proves the point: no display needed

export_() { # NAME SCRIPT FORMAT [options...]
  local name=$1 script=$2 format=$3
  shift 3
  java -jar "$jar" export "$root/$script" --format "$format" -o "$out/$name.$format" "$@"
  echo "wrote docs/diagrams/$name.$format"
}

# every scenario and lesson, final state, light theme: SVG, and PNG (2x for the scenarios; 1x for
# the lessons, whose last lesson is a chain of 33 tasks, 8,000 pixels tall at 2x)
for script in "$root"/assets/scenarios/*.pidns "$root"/assets/lessons/*.pidns; do
  [ -f "$script" ] || continue
  rel=${script#"$root/"}
  name=$(basename "$script" .pidns)
  case $name in container-host) continue ;; esac # ~1,000 tasks: its own pictures below
  scale=2
  case $rel in assets/lessons/*) scale=1 ;; esac
  export_ "$name" "$rel" svg
  export_ "$name" "$rel" png --scale "$scale"
done

# moments worth a picture of their own
export_ when-init-dies-at-13 assets/scenarios/when-init-dies.pidns svg --at 13
export_ when-init-dies-at-13 assets/scenarios/when-init-dies.pidns png --at 13 --scale 2
export_ one-task-many-pids-from-ns2 assets/scenarios/one-task-many-pids.pidns png --at 7 --view ns2 --scale 2
export_ orphans-and-subreapers-dark assets/scenarios/orphans-and-subreapers.pidns png --at 12 --theme dark --scale 2
export_ first-namespace-projector assets/scenarios/first-namespace.pidns png --theme projector
export_ when-init-dies assets/scenarios/when-init-dies.pidns gif --theme projector

# a container host of about 1,000 tasks: compact layout (the default above 150 tasks), fitted to a
# 1920x1080 screen, once with the biggest parts folded into summary cards and once whole
export_ container-host assets/scenarios/container-host.pidns png --collapse auto --fit 1920x1080
export_ container-host assets/scenarios/container-host.pidns svg --collapse auto
export_ container-host-whole assets/scenarios/container-host.pidns png --fit 1920x1080

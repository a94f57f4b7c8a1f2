#!/usr/bin/env bash
# flowcost's one entry point for a fresh Debian 12 machine:
#   bash bootstrap.sh run    install what is missing, build, run the IoT comparison scenario
#   bash bootstrap.sh test   install what is missing, build, run the whole test suite through ctest
# Environment: FLOWCOST_BUILD_DIR (default build), FLOWCOST_SANITIZE=ON for ASan+UBSan,
# FLOWCOST_WERROR (default ON: the project builds warning-free with Debian 12's g++ 12).
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ cmake ninja-build pkg-config libyaml-dev libcli11-dev catch2 nlohmann-json3-dev
          libeigen3-dev libboost-dev librandom123-dev libbenchmark-dev nettle-dev)
# What only the test suite needs: a real headless browser for the HTML report's test, and a one-node Slurm
# cluster (slurm-wlm, munge) for the scale-out test.
test_packages=(chromium fonts-dejavu-core slurm-wlm munge)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "bootstrap: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  local dir="${FLOWCOST_BUILD_DIR:-build}"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DFLOWCOST_WERROR="${FLOWCOST_WERROR:-ON}" -DFLOWCOST_SANITIZE="${FLOWCOST_SANITIZE:-OFF}" -DFLOWCOST_BENCH="${FLOWCOST_BENCH:-ON}" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

case "${1:-}" in
  run)
    install_missing "${packages[@]}"
    build
    shift
    exec "${FLOWCOST_BUILD_DIR:-build}/flowcost" run scenarios/iot-telemetry.yaml "$@"
    ;;
  test)
    install_missing "${packages[@]}" "${test_packages[@]}"
    build
    ctest --test-dir "${FLOWCOST_BUILD_DIR:-build}" --output-on-failure -j "$(nproc)"
    ;;
  *)
    echo "usage: bash bootstrap.sh run|test" >&2
    exit 2
    ;;
esac

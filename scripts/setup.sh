#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One-command set-up for a fresh Debian 12 machine (bash and apt are all it assumes).
#
#   bash scripts/setup.sh sample   install what is missing, build Release, annotate the
#                                  bundled sample commentary (JSON on stdout)
#   bash scripts/setup.sh test     install what is missing, build, run the whole test suite:
#                                  a Release build and an ASan+UBSan build, both under ctest
#
# Environment: ANNOTATE_WERROR=ON builds with -Werror (CI sets it); JOBS=N caps parallelism.
set -euo pipefail

mode=${1:-}
case "$mode" in
  sample|test) ;;
  *) echo "usage: bash scripts/setup.sh sample|test" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

build_packages=(cmake make g++ pkg-config libcli11-dev nlohmann-json3-dev libspdlog-dev catch2 libre2-dev)
test_packages=(python3 python3-jsonschema clang libclang-rt-14-dev parallel chromium)
packages=("${build_packages[@]}")
if [ "$mode" = test ]; then packages+=("${test_packages[@]}"); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  install_line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "annotate: these Debian packages are missing: ${missing[*]}" >&2
    echo "annotate: run as root, then run this script again:" >&2
    echo "  $install_line" >&2
    exit 1
  fi
  echo "annotate: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
werror=${ANNOTATE_WERROR:-OFF}

build() {  # build DIR [cmake args...]
  local dir=$1
  shift
  cmake -S . -B "$dir" -DANNOTATE_WERROR="$werror" "$@" >&2
  cmake --build "$dir" --parallel "$jobs" >&2
}

if [ "$mode" = sample ]; then
  # A fresh tree skips building the tests; a tree already configured keeps its choice, so
  # that a developer's build/release with tests (and bench/run, which calls this) never
  # leaves an old test binary behind for ctest to run against new code.
  if [ -f build/release/CMakeCache.txt ]; then
    build build/release -DCMAKE_BUILD_TYPE=Release
  else
    build build/release -DCMAKE_BUILD_TYPE=Release -DANNOTATE_TESTS=OFF
  fi
  echo "annotate: built build/release/annotate; annotating data/samples/sample-commentary.txt" >&2
  exec build/release/annotate data/samples/sample-commentary.txt
fi

build build/release -DCMAKE_BUILD_TYPE=Release -DANNOTATE_TESTS=ON
(cd build/release && ctest --output-on-failure --parallel "$jobs")

# The whole pipeline under libFuzzer, ASan and UBSan for FUZZ_SECONDS (default 60), from the
# seed corpus in tests/fuzz/corpus; new inputs it finds go to a scratch folder.
CC=clang CXX=clang++ build build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNOTATE_TESTS=OFF -DANNOTATE_FUZZ=ON
fuzz_scratch=$(mktemp -d)
build/fuzz/annotate_fuzz -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 "$fuzz_scratch" tests/fuzz/corpus >&2
rm -rf "$fuzz_scratch"
echo "annotate: the fuzzer ran clean" >&2

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
build build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNOTATE_TESTS=ON -DANNOTATE_SANITIZE=ON
(cd build/sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure --parallel "$jobs")

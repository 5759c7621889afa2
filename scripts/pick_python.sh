#!/usr/bin/env bash
# Print the Python interpreter that scripts/setup.sh builds .venv with.
#
# $PYTHON, when set, is used as it is.  Otherwise every Python >= 3.11 found on PATH and in
# /usr/bin (python3.13 … python3) is a candidate; those that can make a venv come first.
# When there are several, each runs the same short pure-Python workload
# (scripts/python_speed.py: what juesuan spends its time on), three times in turn, and the
# fastest is chosen if it is at least 10 % faster than the first one on PATH.  Builds
# differ that much: on this project's Debian machine, pyenv's CPython 3.11.7 (a
# shared-library build without PGO) takes 15-30 % longer to parse a seed document than
# Debian's /usr/bin/python3.11 (statically linked, PGO and LTO).
# Messages go to stderr; only the chosen path goes to stdout.  Exit 2 when none is found.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${PYTHON:-}" ]; then
  echo "$PYTHON"
  exit 0
fi

version_ok='import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'
can_venv='import ensurepip, venv'

candidates=()
seen=" "
for name in python3.13 python3.12 python3.11 python3; do
  for cand in "$(command -v "$name" 2>/dev/null || true)" "/usr/bin/$name"; do
    [ -n "$cand" ] && [ -x "$cand" ] || continue
    "$cand" -c "$version_ok" >/dev/null 2>&1 || continue
    real=$("$cand" -c 'import os, sys; print(os.path.realpath(sys.executable))' 2>/dev/null) || continue
    case "$seen" in *" $real "*) continue;; esac
    seen="$seen$real "
    candidates+=("$real")
  done
done
if [ "${#candidates[@]}" -eq 0 ]; then
  echo "错误：需要 Python 3.11 或更高版本（未找到）。Debian 上可运行：apt-get install python3" >&2
  exit 2
fi

usable=()
for cand in "${candidates[@]}"; do
  "$cand" -c "$can_venv" >/dev/null 2>&1 && usable+=("$cand")
done
if [ "${#usable[@]}" -eq 0 ]; then
  echo "${candidates[0]}"  # setup.sh installs python3-venv for it
  exit 0
fi
if [ "${#usable[@]}" -eq 1 ]; then
  echo "${usable[0]}"
  exit 0
fi

# Best of three rounds, the candidates in turn (the machine's speed drifts in between).
times=()
for _ in 1 2 3; do
  for i in "${!usable[@]}"; do
    t=$("${usable[$i]}" scripts/python_speed.py 2>/dev/null) || t=999
    if [ -z "${times[$i]:-}" ] || awk -v a="$t" -v b="${times[$i]}" 'BEGIN { exit !(a < b) }'; then
      times[$i]=$t
    fi
  done
done
best=0
for i in "${!usable[@]}"; do
  if awk -v a="${times[$i]}" -v b="${times[$best]}" 'BEGIN { exit !(a < b) }'; then
    best=$i
  fi
done
if [ "$best" != 0 ] && awk -v a="${times[$best]}" -v b="${times[0]}" 'BEGIN { exit !(a <= b * 0.9) }'; then
  gain=$(awk -v a="${times[$best]}" -v b="${times[0]}" 'BEGIN { printf "%d", (1 - a / b) * 100 }')
  echo "选用 ${usable[$best]}：在本机比 ${usable[0]} 快约 ${gain}%（可用 PYTHON=… 指定解释器）" >&2
fi
echo "${usable[$best]}"

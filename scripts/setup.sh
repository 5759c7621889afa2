#!/usr/bin/env bash
# Set up .venv with juesuan and everything it needs.  Idempotent: re-runs only what changed.
# Debian packages listed in scripts/debian-packages.txt are installed with apt-get when run
# as root; otherwise a message names what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# The interpreter: .venv's own once it exists; else scripts/pick_python.sh chooses one
# ($PYTHON, or the fastest Python >= 3.11 on this machine).
if [ -x .venv/bin/python ]; then
  PY=.venv/bin/python
else
  PY=$(bash scripts/pick_python.sh)
fi

# Debian packages the project needs (fonts for charts/PDF, etc.).
missing=()
if [ -f scripts/debian-packages.txt ] && command -v dpkg-query >/dev/null 2>&1; then
  while read -r pkg; do
    [ -z "$pkg" ] && continue
    case "$pkg" in \#*) continue;; esac
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done < scripts/debian-packages.txt
fi
if [ ! -x .venv/bin/python ] && ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=("python3-venv")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "安装 Debian 软件包：${missing[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null \
      || echo "警告：apt-get 安装失败：${missing[*]}（相关功能可能不可用）" >&2
  else
    echo "提示：缺少 Debian 软件包：${missing[*]}；请以 root 运行 apt-get install ${missing[*]}" >&2
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.juesuan-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[dev]'
  touch "$stamp"
fi

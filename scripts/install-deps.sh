#!/usr/bin/env bash
# Installs what building and testing Crier needs on Debian/Ubuntu, only when something is missing.
# As root it runs apt-get/pip itself; otherwise it prints the exact commands and exits 1.
set -euo pipefail

apt_packages=()
pkg-config --exists libxml-2.0 2>/dev/null || apt_packages+=(libxml2-dev)
pkg-config --exists libcmark-gfm 2>/dev/null && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
  || apt_packages+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
pkg-config --exists sqlite3 2>/dev/null || apt_packages+=(libsqlite3-dev)
command -v pkg-config >/dev/null || apt_packages+=(pkg-config)
# libcurl is loaded at run time for WebSub pings (Daemon's FormPoster), not linked: nothing to compile against.
ldconfig -p 2>/dev/null | grep -qE 'libcurl(-gnutls)?\.so\.4' || apt_packages+=(libcurl4)
if [ "${1:-}" = "--test" ]; then
  command -v xmllint >/dev/null || apt_packages+=(libxml2-utils)
  command -v newsboat >/dev/null || apt_packages+=(newsboat)
fi

pip_packages=()
if [ "${1:-}" = "--test" ]; then
  python3 -c 'import feedparser' 2>/dev/null || pip_packages+=(feedparser)
fi

if [ ${#apt_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}" >/dev/null
  else
    echo "Crier needs these Debian packages: sudo apt-get install -y ${apt_packages[*]}" >&2
    exit 1
  fi
fi
if [ ${#pip_packages[@]} -gt 0 ]; then
  python3 -m pip install -q "${pip_packages[@]}" 2>/dev/null || {
    echo "Crier's tests need: python3 -m pip install ${pip_packages[*]}" >&2
    exit 1
  }
fi
if [ "${1:-}" = "--test" ]; then
  # The feed readers the end-to-end tests read every feed with (ReaderMatrix); prints what is missing otherwise.
  bash "$(dirname "$0")/readers/install.sh" >/dev/null
fi

#!/usr/bin/env bash
# Installs the feed readers Crier's tests read every feed with (scripts/readers/read.py), from Debian and PyPI
# only, and builds their adapters into READERS_DIR (default .build/readers in the repository). Idempotent: a
# package already there is not installed again, an adapter is rebuilt only when its source is newer.
#
#   feedparser (Debian, or PyPI for another python3)  simplepie (WordPress's copy, from Debian's wordpress package, unpacked: not installed)
#   gofeed  rome  syndication (KDE, Akregator's parser)  ruby-rss  xml-feed  sfeed  newsboat
#
# As root it runs apt-get and pip itself; otherwise it prints the commands and exits 1 when something is missing.
# Ends with one line: `readers installed: NAMES in N s`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
READERS_DIR="${READERS_DIR:-$ROOT/.build/readers}"
ADAPTERS="$HERE/adapters"
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive

packages=(
  php-cli php-xml php-mbstring                            # SimplePie
  ruby                                                    # Ruby's rss library (a gem shipped with Ruby)
  libxml-feed-perl                                        # XML::Feed with XML::RSS and XML::Atom
  golang-go golang-github-mmcdole-gofeed-dev              # gofeed, built against Debian's sources, offline
  default-jdk-headless librome-java libslf4j-java         # Rome
  g++ pkg-config qtbase5-dev libkf5syndication-dev        # KDE Syndication
  sfeed newsboat
  python3-pip
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Crier's reader matrix needs: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# feedparser: Debian's package when python3 is Debian's, else from PyPI.
if ! python3 -c 'import feedparser' 2>/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "Crier's reader matrix needs: sudo apt-get install -y python3-feedparser (or python3 -m pip install feedparser)" >&2
    exit 1
  fi
  apt-get install -y -qq --no-install-recommends python3-feedparser >/dev/null 2>&1 || true
  python3 -c 'import feedparser' 2>/dev/null \
    || python3 -m pip install -q feedparser 2>/dev/null || python3 -m pip install -q --break-system-packages feedparser
fi

mkdir -p "$READERS_DIR"
stale() { [ ! -e "$1" ] || [ "$2" -nt "$1" ]; }   # stale OUTPUT SOURCE

# SimplePie as WordPress ships it (Debian's libphp-simplepie is the 2012 release): unpack the package, copy it.
if [ ! -f "$READERS_DIR/simplepie/class-simplepie.php" ]; then
  work="$(mktemp -d)"
  chmod 755 "$work"
  (cd "$work" && { chown _apt . 2>/dev/null || true; } && apt-get download -qq wordpress)
  dpkg-deb -x "$work"/wordpress_*.deb "$work/unpacked"
  mkdir -p "$READERS_DIR/simplepie"
  cp -r "$work/unpacked/usr/share/wordpress/wp-includes/class-simplepie.php" \
    "$work/unpacked/usr/share/wordpress/wp-includes/SimplePie" "$READERS_DIR/simplepie/"
  rm -rf "$work"
fi

if stale "$READERS_DIR/gofeed" "$ADAPTERS/gofeed/main.go"; then
  (cd "$ADAPTERS/gofeed" && GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$READERS_DIR/.gocache" GOFLAGS= \
    GOPROXY=off go build -o "$READERS_DIR/gofeed" main.go)
fi
if stale "$READERS_DIR/rome/ReadFeed.class" "$ADAPTERS/rome/ReadFeed.java"; then
  mkdir -p "$READERS_DIR/rome"
  javac -nowarn -d "$READERS_DIR/rome" \
    -cp /usr/share/java/rome.jar:/usr/share/java/rome-utils.jar:/usr/share/java/jdom2.jar:/usr/share/java/slf4j-api.jar \
    "$ADAPTERS/rome/ReadFeed.java"
fi
if stale "$READERS_DIR/syndication" "$ADAPTERS/syndication/main.cpp"; then
  # shellcheck disable=SC2046
  g++ -O1 -std=c++17 -fPIC -o "$READERS_DIR/syndication" "$ADAPTERS/syndication/main.cpp" \
    -I/usr/include/KF5/Syndication -I/usr/include/KF5/Syndication/syndication $(pkg-config --cflags Qt5Core) -lKF5Syndication $(pkg-config --libs Qt5Core)
fi

installed=$(python3 - "$HERE/read.py" <<'EOF'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("read", sys.argv[1])
read = importlib.util.module_from_spec(spec)
spec.loader.exec_module(read)
print(" ".join(name for name, (present, _) in read.READERS.items() if present()))
EOF
)
echo "readers installed: $installed in $(( $(date +%s) - start )) s"

#!/usr/bin/env bash
# Installs the system packages CareDesk needs to build (cgo for SQLite, the
# OpenGL and X11 headers for Fyne) and to test (poppler for PDF text checks).
# Uses sudo when not root; prints the exact command when it cannot install.
set -euo pipefail

# A Go of 1.21 or later fetches the exact toolchain go.mod names by
# itself. An older one (Debian 12 ships 1.19) cannot: it downloads that
# toolchain as a module into its cache, and the Makefile puts the result
# first on PATH.
local_go="$HOME/.local/share/caredesk/go"
ensure_go_toolchain() {
	local minor
	minor=$(go env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
	if [ -n "$minor" ] && [ "$minor" -ge 21 ]; then
		return 0
	fi
	local want arch dir
	want=$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)
	arch=$(go env GOARCH)
	echo "Go $(go env GOVERSION) is too old; fetching go$want through the module proxy"
	dir=$(cd / && GO111MODULE=on GOFLAGS=-mod=mod go mod download -json "golang.org/toolchain@v0.0.1-go$want.linux-$arch" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	if [ -z "$dir" ] || [ ! -f "$dir/bin/go" ]; then
		echo "Could not fetch Go $want; install Go $want or later and run make again." >&2
		exit 1
	fi
	rm -rf "$local_go"
	mkdir -p "$(dirname "$local_go")"
	cp -r "$dir" "$local_go"
	chmod -R u+w "$local_go"
	# Module zips keep no file modes: make the tools executable again.
	chmod +x "$local_go"/bin/* "$local_go"/pkg/tool/*/*
	echo "Go $want installed in $local_go"
}

pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev poppler-utils)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v go >/dev/null 2>&1; then
	missing+=(golang-go)
fi

install_missing() {
	[ ${#missing[@]} -eq 0 ] && return 0
	local cmd=(apt-get install -y --no-install-recommends "${missing[@]}") sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			echo "CareDesk needs these packages; install them as root and run make again:" >&2
			echo "  apt-get update && ${cmd[*]}" >&2
			exit 1
		fi
		sudo=(sudo)
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "No apt-get here. Install the equivalents of: ${missing[*]}" >&2
		exit 1
	fi
	echo "Installing: ${missing[*]}"
	"${sudo[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" "${cmd[@]}"
}

install_missing
ensure_go_toolchain

#!/bin/sh
# Fetch the Debian packages the initramfs is made of, and verify them.
#
#   tools/fetch-debs.sh [DIR]         (default: $DEBS_DIR, else build/debs)
#
# For each package (busybox-static libc6; $FETCH_DEBS overrides the list) it
# keeps one PKG_VERSION_ARCH.deb in DIR: `apt-get download` (no root
# needed) fetches the candidate version when DIR has none, and every run
# checks the file's SHA256 against the SHA256 field of apt's index for
# that version (`apt-cache show PKG=VERSION`), the index that apt checked
# against the archive's signed Release file.  A cached .deb that verifies
# is used as it is; one that does not is an error (nothing is fetched over
# it), and so is a fresh download that does not.  A cached version that
# apt's index no longer lists (the archive moved on after apt-get update)
# is replaced by the candidate.
#
# DIR/manifest gets one line per package, "PKG VERSION SHA256 FILE",
# rewritten only when it changes (make depends on it); the versions are
# also printed, for the build log.
set -eu

DIR=${1:-${DEBS_DIR:-build/debs}}
PKGS=${FETCH_DEBS:-busybox-static libc6}
ARCH=$(dpkg --print-architecture)

die() {
	echo "fetch-debs: $*" >&2
	exit 1
}

have_lists() {
	for f in /var/lib/apt/lists/*_Packages*; do
		[ -e "$f" ] && return 0
	done
	return 1
}

have_lists || die "apt has no package lists (/var/lib/apt/lists), so it can" \
	"neither download nor verify a package: run 'sh tools/setup-deps.sh'" \
	"(it runs apt-get update) or 'apt-get update' as root"

mkdir -p "$DIR"

# The SHA256 fields apt's index gives for PKG=VERSION, one a line (empty
# if apt does not know that version).
index_sha256() {
	apt-cache show "$1=$2" 2>/dev/null | sed -n 's/^SHA256: *//p'
}

# The version in a .deb's file name, as apt-get download writes it
# (PKG_VERSION_ARCH.deb, ARCH this machine's or "all", the epoch's ':'
# written %3a).
name_version() {
	basename "$1" | sed -e "s/^$2_//" -e "s/_$ARCH\.deb\$//" \
		-e 's/_all\.deb$//' -e 's/%3[aA]/:/g'
}

# verify PKG FILE: 0 if FILE's SHA256 is the index's for its version;
# 2 if the index does not list that version; dies on a mismatch.
verify() {
	v_pkg=$1 v_deb=$2
	v_ver=$(name_version "$v_deb" "$v_pkg")
	v_want=$(index_sha256 "$v_pkg" "$v_ver")
	[ -n "$v_want" ] || return 2
	v_got=$(sha256sum "$v_deb" | cut -d' ' -f1)
	if ! printf '%s\n' "$v_want" | grep -qx "$v_got"; then
		die "$v_deb: SHA256 $v_got is not the one apt's index gives for" \
			"$v_pkg $v_ver ($(printf '%s' "$v_want" | tr '\n' ' ')): the file is corrupt or not" \
			"Debian's; delete it to fetch it again"
	fi
	# The SHA256 is the index's: the control fields are Debian's.
	if [ "$(dpkg-deb -f "$v_deb" Package)" != "$v_pkg" ] ||
		[ "$(dpkg-deb -f "$v_deb" Version)" != "$v_ver" ]; then
		die "$v_deb: its control fields do not say $v_pkg $v_ver"
	fi
	VERIFIED_VERSION=$v_ver VERIFIED_SHA256=$v_got VERIFIED_FILE=$v_deb
	return 0
}

manifest=""
for pkg in $PKGS; do
	deb="" VERIFIED_FILE=""
	for f in "$DIR/${pkg}_"*"_$ARCH.deb" "$DIR/${pkg}_"*"_all.deb"; do
		[ -e "$f" ] || continue
		st=0
		verify "$pkg" "$f" || st=$?
		if [ $st -eq 0 ] && [ -z "$deb" ]; then
			deb=$f
		elif [ $st -eq 2 ]; then
			echo "fetch-debs: $pkg $(name_version "$f" "$pkg") is no longer" \
				"in apt's index: removing $f"
			rm -f "$f"
		else
			# A second verified version: keep the newer only.
			old=$deb new=$f
			dpkg --compare-versions "$(name_version "$f" "$pkg")" lt \
				"$(name_version "$deb" "$pkg")" && old=$f new=$deb
			echo "fetch-debs: removing $old, keeping $new"
			rm -f "$old"
			deb=$new
		fi
	done
	if [ -z "$deb" ]; then
		echo "fetch-debs: apt-get download $pkg into $DIR"
		# As root, apt downloads as _apt, which may not write DIR.
		sandbox=""
		[ "$(id -u)" -eq 0 ] && sandbox="-o APT::Sandbox::User=root"
		# shellcheck disable=SC2086
		(cd "$DIR" && apt-get download -q $sandbox "$pkg") ||
			die "apt-get download $pkg failed (apt's lists may be stale:" \
				"'apt-get update' as root)"
		for f in "$DIR/${pkg}_"*"_$ARCH.deb" "$DIR/${pkg}_"*"_all.deb"; do
			[ -e "$f" ] || continue
			st=0
			verify "$pkg" "$f" || st=$?
			[ $st -eq 0 ] && deb=$f
		done
		[ -n "$deb" ] || die "apt-get download $pkg left no .deb of a" \
			"version apt's index lists in $DIR"
	fi
	# apt-cache show takes seconds: verify again only if the last file
	# verified is not the one kept.
	[ "$VERIFIED_FILE" = "$deb" ] || verify "$pkg" "$deb"
	echo "fetch-debs: $pkg $VERIFIED_VERSION ($(dpkg-deb -f "$VERIFIED_FILE" Architecture)), sha256" \
		"$VERIFIED_SHA256, verified against apt's index: $deb"
	manifest="$manifest$pkg $VERIFIED_VERSION $VERIFIED_SHA256 $(basename "$deb")
"
done

printf '%s' "$manifest" > "$DIR/manifest.tmp"
if cmp -s "$DIR/manifest.tmp" "$DIR/manifest"; then
	rm -f "$DIR/manifest.tmp"
else
	mv "$DIR/manifest.tmp" "$DIR/manifest"
fi

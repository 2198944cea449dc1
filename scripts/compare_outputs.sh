#!/bin/sh
# Build every bundled document (core, derived, commune) into $1 and compare the sha256 of each
# DOCX with a list made the same way before a change ($2, from `sha256sum` in the output folder).
# Usage: scripts/compare_outputs.sh /tmp/after /tmp/before.sha
set -e
out=${1:?output folder}; before=${2:?sha256 list}
docgen=${DOCGEN:-.venv/bin/docgen}
rm -rf "$out"
$docgen build --vi-du --out "$out" >/dev/null
$docgen ke-hoach-con --vi-du --out "$out" >/dev/null
$docgen xa-phuong --vi-du --out "$out" >/dev/null
cd "$out" && find . -name '*.docx' -not -path './.docgen/*' | sort | xargs sha256sum > "$out.sha"
echo "$(wc -l < "$out.sha") documents; differing from $before:"
changed=$(diff "$before" "$out.sha" | grep '^>' | sed 's/^> [0-9a-f]*  /  /')
echo "${changed:-  none}"

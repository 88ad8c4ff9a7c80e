#!/bin/sh
# Make the seed corpora for the fuzz targets from the test cases:
#   seeds.sh OUTDIR
# CSV targets get every test input (tests/*/*.in, tests/*/*.csv and the
# gzip files) behind the two bytes their harnesses read first (option set
# or delimiter, read chunking); date and num get every short token of
# those files and of the .args files. Names are content hashes, so the
# corpora are the same on every run.
set -e
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$1
[ -n "$out" ] || { echo "usage: seeds.sh outdir" >&2; exit 2; }
rm -rf "$out"
for t in csvr csvdiff csvclean crimerate sarender sapriority date num; do
	mkdir -p "$out/$t"
done

# put TARGET FILE: add FILE's bytes as one seed of TARGET.
put() {
	h=$(cksum <"$2" | cut -d' ' -f1)
	cp "$2" "$out/$1/$h"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
for f in "$top"/tests/*/*.in "$top"/tests/*/*.csv "$top"/tests/*/*.gz "$top"/tests/*/*.out \
    "$top"/tests/fuzz/seeds/*; do
	[ -f "$f" ] || continue
	[ "$(wc -c <"$f")" -le 65536 ] || continue
	i=$((i + 1))
	# option set / delimiter byte, chunk byte (0x80: whole reads)
	for pre in '\000\200' '\001\003' '\002\200' '\003\021' '\004\200'; do
		printf "$pre" >"$tmp/s"
		cat "$f" >>"$tmp/s"
		for t in csvr csvdiff csvclean crimerate sarender sapriority; do
			put $t "$tmp/s"
		done
	done
	cat "$top"/tests/*/*.args "$f" 2>/dev/null |
	    tr ',;|\t\n"=' '\n\n\n\n\n\n\n' | awk 'length($0) > 0 && length($0) <= 40'
done | sort -u >"$tmp/tokens"
# sapriority's models, as the model (first byte 0 mod 3)
for f in "$top"/tests/*/*.model "$top"/examples/lookups/*.model; do
	[ -f "$f" ] || continue
	for pre in '\000\200' '\003\021' '\006\200'; do
		printf "$pre" >"$tmp/s"
		cat "$f" >>"$tmp/s"
		put sapriority "$tmp/s"
	done
done
n=0
while IFS= read -r tok; do
	n=$((n + 1))
	printf '%s' "$tok" >"$tmp/t"
	put date "$tmp/t"
	put num "$tmp/t"
done <"$tmp/tokens"
for t in csvr csvdiff csvclean crimerate sarender sapriority date num; do
	echo "$t: $(ls "$out/$t" | wc -l) seeds"
done

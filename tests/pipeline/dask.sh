# Scaling out on a real engine: examples/scale/sa-dask.py starts a local
# Dask cluster of two worker processes, runs csvclean | crimerate
# --partial on each street file as one task, and merges the partials with
# crimerate --merge: the result equals one run, byte for byte. A file that
# fails its mapper fails the job, naming the file, and nothing is merged.
set -u
py=""
for p in /usr/bin/python3 python3; do
	"$p" -c 'import distributed' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || { echo "Dask distributed is not installed (python3-distributed)"; exit 77; }
command -v crimerate >/dev/null || { echo "crimerate is not built yet"; exit 77; }
ex=$TOP/examples w=$TMPDIR/dask
mkdir -p "$w" || exit 1
fail() { echo "$*"; exit 1; }
cd "$ex" || exit 1
opts="--period sa2016 --population lookups/population.csv --categories lookups/categories.csv --rollup lookups/rollup.csv"

csvclean -p police-street data/street/* 2>/dev/null | crimerate $opts >"$w/whole" ||
    fail "the single run failed"
"$py" scale/sa-dask.py -n 2 --bin "$SAPIPE_BIN" data/street/* -- $opts \
    >"$w/dask" 2>"$w/err" || { cat "$w/err"; fail "sa-dask.py failed"; }
cmp "$w/whole" "$w/dask" || fail "the Dask run differs from the single run"
grep -qx 'North Kent,Total recorded crime,sa2016,17515,211400,82.85,15558,74.48,1957,12.6,1000,1.000,1.000,8.6,13.4,4.000e-21,up,208900,population,count,,,,' \
    "$w/dask" || fail "the Dask run is not the headline figure"

# A truncated gzip file fails its task: exit 1, the file named, no output.
head -c 300 data/street/2015-01-kent-street.csv.gz >"$w/broken.csv.gz"
"$py" scale/sa-dask.py -n 2 --bin "$SAPIPE_BIN" data/street/2014-10-kent-street.csv \
    "$w/broken.csv.gz" -- $opts >"$w/out2" 2>"$w/err2"
rc=$?
[ "$rc" = 1 ] || { cat "$w/err2"; fail "a failed mapper exited $rc, not 1"; }
[ ! -s "$w/out2" ] || fail "a failed job wrote output"
grep -q "broken.csv.gz: the mapper failed" "$w/err2" || { cat "$w/err2"; fail "the failed file is not named"; }
grep -q "1 of 2 files failed; nothing merged" "$w/err2" || fail "no summary of the failure"

# Not sapipe's tools: a usage error that says so.
mkdir -p "$w/fake" && printf '#!/bin/sh\necho "csvclean 1.0"\n' >"$w/fake/csvclean" &&
    cp "$w/fake/csvclean" "$w/fake/crimerate" && chmod +x "$w/fake/"*
"$py" scale/sa-dask.py --bin "$w/fake" data/street/2014-10-kent-street.csv -- $opts \
    >/dev/null 2>"$w/err3"
[ $? = 2 ] && grep -q "csvkit ships a csvclean of its own" "$w/err3" ||
    { cat "$w/err3"; fail "another csvclean is not refused"; }
exit 0

# The bench's national year in small: tests/bench/gen-street.py
# --national writes police.uk's layout (a folder per month, a file per
# force: 43 x 2 here), every row once; mapped file by file and in
# batches with tests/bench/map.sh (as make bench runs it), the partials
# merged equal one stream over all the files, byte for byte.
set -u
command -v python3 >/dev/null || { echo "python3 is absent"; exit 77; }
command -v crimerate >/dev/null || { echo "crimerate is not built yet"; exit 77; }
here=$TOP/tests/bench w=$TMPDIR/national
fail() { echo "$*"; exit 1; }
mkdir -p "$w" || exit 1
python3 "$here/gen-street.py" 3000 --seed 7 --from 2016-08 --to 2016-09 \
    --national "$w/tree" || fail "gen-street.py --national failed"
[ "$(ls "$w/tree")" = "$(printf '2016-08\n2016-09')" ] ||
    fail "not a folder per month: $(ls "$w/tree")"
ls "$w/tree"/*/*.csv >"$w/files"
[ "$(wc -l <"$w/files")" -eq 86 ] || fail "not 43 forces x 2 months"
[ -s "$w/tree/2016-09/2016-09-kent-street.csv" ] &&
    [ -s "$w/tree/2016-08/2016-08-city-of-london-street.csv" ] ||
    fail "police.uk's file names are missing"
# every row once: 3,000 rows and 86 headers, each file's rows of its month
[ "$(cat "$w/tree"/*/*.csv | wc -l)" -eq 3086 ] || fail "rows lost or added"
grep -l '^Crime ID,' "$w/tree"/*/*.csv | wc -l | grep -qx 86 ||
    fail "a file without its header"
for m in 2016-08 2016-09; do
	tail -q -n +2 "$w/tree/$m"/*.csv | cut -d, -f2 | sort -u |
	    grep -qvx "$m" && fail "a row of another month in $m"
done
csvclean -p police-street $(cat "$w/files") 2>/dev/null |
    crimerate --by month >"$w/one" || fail "the single run failed"
for b in 0 1; do
	rm -rf "$w/map" "$w/parts" && mkdir "$w/map" "$w/parts" || exit 1
	BATCH=$b TIMER="" xargs -P 2 -n 20 sh "$here/map.sh" "$SAPIPE_BIN" \
	    "$w" "$w/parts" <"$w/files" || fail "a mapper failed (BATCH=$b)"
	crimerate --merge --by month "$w/parts"/*.part >"$w/merged" ||
	    fail "the merge failed (BATCH=$b)"
	cmp "$w/one" "$w/merged" ||
	    fail "mapped (BATCH=$b) and merged differs from one stream"
done
# The default layout is unchanged: one file, Kent's districts only.
python3 "$here/gen-street.py" 50 --seed 7 | cut -d, -f3 | sort -u |
    tr '\n' '|' | grep -qx 'Kent Police|Reported by|' ||
    fail "the single-file layout changed"
exit 0

# The worked example, counted twice: examples/sa.sh's cleaned records
# through crimerate, and examples/gen/check-example.py's own reading of
# the raw extracts (its rules in its header), must give the same count,
# population, rate, comparison and change for every area and indicator
# of sa2016, the fire service's fiscal quarters included. The committed
# data must be what make-example.py writes (gzip members compared by
# content: their bytes depend on zlib).
set -u
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
for t in csvclean crimerate msgrank sarender bash; do
	command -v $t >/dev/null || { echo "$t is not built yet"; exit 77; }
done
ex=$TOP/examples out=$TMPDIR/sa
fail() { echo "$*"; exit 1; }
bash "$ex/sa.sh" "$out" >/dev/null || fail "sa.sh failed"
cd "$ex" || exit 1

crimerate --period sa2016 --population lookups/population.csv \
    --categories lookups/categories.csv --rollup lookups/rollup.csv \
    "$out"/street.csv "$out"/asb.csv "$out"/ae.csv "$out"/fire.csv \
    data/county/kent-other-districts.csv.gz data/msg/msg-partnerships.csv \
    2>/dev/null | cut -d, -f1-10 | sort >"$TMPDIR/tools" ||
    fail "crimerate failed"
python3 gen/check-example.py >"$TMPDIR/check" || fail "check-example.py failed"
sort "$TMPDIR/check" >"$TMPDIR/recount"
diff -u "$TMPDIR/recount" "$TMPDIR/tools" || fail "the tools and the recount differ"
[ "$(grep -c ',Deliberate fires,' "$TMPDIR/tools")" = 15 ] ||
    fail "want Deliberate fires for 13 districts, North Kent and Kent"

# The fire export's one reject is its Grand Total row, and nothing else
# is lost: 210 lines = 208 records + 1 reject + 1 blank.
grep -q 'read 210, written 208, rejected 1, duplicates 0, blank 1' \
    "$out/fire.log" || fail "fire.log: $(tail -1 "$out/fire.log")"
[ "$(cut -d, -f2,4 "$out/fire-rejects.csv" | tail -n +2)" = "211,Grand Total" ] ||
    fail "fire-rejects.csv: $(cat "$out/fire-rejects.csv")"
# Alone in its group for the indicator: no rank, no verdict, a dash.
grep -q '^Deliberate fires  *301  *1\.42  *▲ +29\.2% (significant)  *–  *–  *● Red$' \
    "$out/sa2016.txt" || fail "sa2016.txt: $(grep Deliberate "$out/sa2016.txt")"
# Not on the monthly trend page: a quarter is no month.
grep -q 'Deliberate' "$out/series.csv" && fail "fires in the month series"

python3 gen/make-example.py --out "$TMPDIR/gen" || fail "make-example.py failed"
for f in data/*/* lookups/*; do
	g=$TMPDIR/gen/$f
	case $f in
	*.gz) [ -f "$g" ] && gzip -dc "$g" >"$TMPDIR/g" &&
	    gzip -dc "$f" | cmp -s - "$TMPDIR/g" ;;
	*) [ ! -f "$g" ] || cmp -s "$f" "$g" ;;
	esac || fail "$f is not what make-example.py writes"
done
for g in $(cd "$TMPDIR/gen" && echo data/*/* lookups/*); do
	[ -f "$g" ] || fail "make-example.py writes $g, not committed"
done
exit 0

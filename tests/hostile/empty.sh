# An empty file: no header is an error for every tool, most often an
# upstream stage that failed.
. ./common.inc
need csvclean crimerate
: >"$t/e.csv"
expect 1 "e.csv: empty (no header row)" csvclean "$t/e.csv"
check "csvclean empty: no stdout" ! -s "$t/out"
expect 1 "e.csv: empty (no header row)" crimerate "$t/e.csv"
check "crimerate empty: no stdout" ! -s "$t/out"
if command -v msgrank >/dev/null; then
	expect 1 "e.csv: empty (no header row)" msgrank "$t/e.csv"
fi
if command -v sarender >/dev/null; then
	expect 1 "e.csv: empty (no header row)" sarender "$t/e.csv"
fi
done_

# An empty file: no header is an error for the tools that read a table;
# crimerate counts no records and writes only its header.
. ./common.inc
need csvclean crimerate
: >"$t/e.csv"
expect 1 "e.csv: empty (no header row)" csvclean "$t/e.csv"
check "csvclean empty: no stdout" ! -s "$t/out"
expect 0 "" crimerate "$t/e.csv"
same "$t/out" 'area,category,period,count,population,rate,prev_count,prev_rate,change,change_pct\n'
if command -v msgrank >/dev/null; then
	expect 1 "e.csv: empty: no header" msgrank "$t/e.csv"
fi
if command -v sarender >/dev/null; then
	expect 1 "e.csv: no header" sarender "$t/e.csv"
fi
done_

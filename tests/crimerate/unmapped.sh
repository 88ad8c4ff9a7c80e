# --categories: the categories of the data the file does not name are
# said in one line (five by name, with their counts; -v lists each); a
# row '*,' leaves the rest out on purpose (no warning, and no error with
# --strict), and '*,INDICATOR' counts the rest toward INDICATOR.
set -u
t=$(mktemp -d "$TMPDIR/unmapped.XXXXXX") || exit 1
trap 'rm -rf "$t"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
{
	echo date,area,category,count
	for c in Arson Bicycle Burglary Drugs Fraud Robbery Theft; do
		echo "2016-05,A,$c,2"
	done
	echo "2016-06,A,Theft,3"
} >"$t/r.csv"
printf 'category,indicator\nBurglary,Total\n' >"$t/c.csv"
crimerate --period 2016-05..2016-06 --compare none --categories "$t/c.csv" "$t/r.csv" >"$t/out" 2>"$t/err" || fail "exit $?"
[ "$(wc -l <"$t/err")" = 1 ] || fail "not one line: $(cat "$t/err")"
grep -qF "c.csv: 6 categories of the data not in it, left out: 'Arson' (2), 'Bicycle' (2), 'Drugs' (2), 'Fraud' (2), 'Robbery' (2) and 1 more (-v lists them); add them, or a row '*,' to leave the rest out on purpose" "$t/err" ||
    fail "summary: $(cat "$t/err")"
crimerate --period 2016-05..2016-06 --compare none -v --categories "$t/c.csv" "$t/r.csv" >/dev/null 2>"$t/err"
grep -qF "c.csv: unmapped category 'Theft': 5" "$t/err" || fail "-v: $(cat "$t/err")"
[ "$(grep -c 'unmapped category' "$t/err")" = 6 ] || fail "-v: not six lines"
# the rest out on purpose: the same output, nothing said
printf 'category,indicator\nBurglary,Total\n*,\n' >"$t/s.csv"
crimerate --period 2016-05..2016-06 --compare none --categories "$t/s.csv" "$t/r.csv" >"$t/out2" 2>"$t/err" || fail "'*,': exit $?"
[ ! -s "$t/err" ] || fail "'*,': $(cat "$t/err")"
cmp -s "$t/out" "$t/out2" || fail "'*,': not the same output"
crimerate --period 2016-05..2016-06 --compare none --strict --categories "$t/s.csv" "$t/r.csv" >/dev/null 2>&1 || fail "'*,' --strict: exit $?"
crimerate --period 2016-05..2016-06 --compare none --strict --categories "$t/c.csv" "$t/r.csv" >/dev/null 2>&1 && fail "--strict without '*': exit 0"
# the rest toward an indicator of their own
printf 'category,indicator\nBurglary,Total\nBurglary,Burglary\n * ,Other\n*,Total\n' >"$t/o.csv"
crimerate --period 2016-05..2016-06 --compare none --categories "$t/o.csv" "$t/r.csv" >"$t/out3" 2>"$t/err" || fail "'*,Other': exit $?"
[ ! -s "$t/err" ] || fail "'*,Other': $(cat "$t/err")"
cut -d, -f1-4 "$t/out3" >"$t/got"
printf 'area,category,period,count\nA,Burglary,2016-05-01..2016-06-30,2\nA,Other,2016-05-01..2016-06-30,15\nA,Total,2016-05-01..2016-06-30,17\n' | cmp -s - "$t/got" ||
    fail "'*,Other': $(cat "$t/got")"
exit $fails

# The shared edge-case inputs: BOM, CRLF, CR-only, no final newline and
# gzip read as the plain file; a quoted name with a comma and a line end
# kept whole; a stray quote (as a gap), a NUL byte and a 2 MiB field are errors
# naming the line; a huge count is read exactly, a larger one refused; a
# baseline past the data is an error.
set -u
t=$TMPDIR/edges
mkdir -p "$t" || exit 1
fails=0
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
satrend years.csv >"$t/want" || bad "years.csv"
printf '\357\273\277' | cat - years.csv >"$t/bom.csv"
sed 's/$/\r/' years.csv >"$t/crlf.csv"
tr '\n' '\r' <years.csv >"$t/cr.csv"
head -c -1 years.csv >"$t/nonl.csv"
gzip -c years.csv >"$t/gz.data"
for f in bom crlf cr nonl; do
	satrend "$t/$f.csv" >"$t/got" 2>"$t/err" || bad "$f: exit $?"
	cmp -s "$t/want" "$t/got" || bad "$f: output differs"
	[ ! -s "$t/err" ] || bad "$f: said $(cat "$t/err")"
done
satrend - <"$t/gz.data" >"$t/got" || bad "gzip on stdin: exit $?"
cmp -s "$t/want" "$t/got" || bad "gzip: output differs"
# a quoted area with a comma and a line end: one series, kept as written
sed 's/^Kent,/"Kent,\nand Medway",/' years.csv >"$t/quoted.csv"
satrend "$t/quoted.csv" >"$t/got" || bad "quoted: exit $?"
[ "$(grep -c '^and Medway",Arson,.*,505.83,447.80,563.87,' "$t/got")" = 14 ] ||
    bad "quoted: not one series of 14"
# errors that name the line
err() { # want-substring file
	satrend "$2" >"$t/got" 2>"$t/err"
	rc=$?
	[ $rc = 1 ] || bad "$2: exit $rc, want 1"
	grep -qF -- "$1" "$t/err" || bad "$2: stderr lacks '$1': $(cat "$t/err")"
	[ ! -s "$t/got" ] || bad "$2: wrote output"
}
{ head -3 years.csv; echo 'Kent,Ar"son,2005,490'; tail -n +5 years.csv; } >"$t/stray.csv"
# a quote inside a bare field is kept: 'Ar"son' is another category, and
# the Arson series it leaves has a gap
err "stray.csv:5: 'Kent', 'Arson': no row for 2005, between 2004" "$t/stray.csv"
{ head -3 years.csv; printf 'Kent,Arson,2005,4\0000\n'; } >"$t/nul.csv"
err 'nul.csv:4: column '"'"'count'"'"': NUL byte' "$t/nul.csv"
{ head -3 years.csv; printf 'Kent,'; head -c 2200000 /dev/zero | tr '\0' x; printf ',2005,1\n'; } >"$t/big.csv"
err 'big.csv:4: field longer than 1048576 bytes' "$t/big.csv"
{ echo area,category,period,count; echo 'A,B,2016-01,"12'; } >"$t/open.csv"
err 'open.csv:2: quoted field not closed before the end of input' "$t/open.csv"
{ echo area,category,period,count; echo 'A,B,2016-01,9007199254740992'; } >"$t/huge.csv"
satrend "$t/huge.csv" 2>/dev/null | grep -q '^A,B,2016-01,9007199254740992,,,,,,$' || bad "huge count"
{ echo area,category,period,count; echo 'A,B,2016-01,9007199254740993'; } >"$t/huger.csv"
err "huger.csv:2: column 'count': '9007199254740993' is not a count" "$t/huger.csv"
satrend --baseline 2030..2041 years.csv >"$t/got" 2>"$t/err" && bad "a baseline past the data passed"
grep -qF "'Kent', 'Arson' runs 2003..2016, which does not cover the baseline 2030..2041" "$t/err" ||
    bad "baseline past the data: $(cat "$t/err")"
exit $fails

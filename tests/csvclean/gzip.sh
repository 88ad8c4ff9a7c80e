# gzip is found by its magic bytes, not by its name; several members and
# a truncated stream.
set -e
d=$TMPDIR/gz.$$
mkdir "$d"
printf 'a,b\n1,2\n' | gzip -c >"$d/plain-name.csv"
csvclean "$d/plain-name.csv" | cmp "$TOP/tests/csvclean/basic-2col.want" -
printf 'a,b\n1,2\n' | gzip -c | csvclean - | cmp "$TOP/tests/csvclean/basic-2col.want" -
seq 1 20000 | sed 's/.*/&,x/' | (echo a,b; cat) | gzip -c >"$d/big.gz"
head -c 20000 "$d/big.gz" >"$d/trunc.gz"
if csvclean "$d/trunc.gz" >/dev/null 2>"$d/err"; then
	echo "a truncated gzip stream must fail"; exit 1
fi
grep -q 'trunc.gz' "$d/err"
# Inflated by a second thread ahead of the rows: a stream of many chunks
# gives the rows of the plain file, byte for byte, BOM or not; a stream
# cut short after several chunks fails naming the file; a second file
# whose header differs is left part read (its thread stopped) and the run
# goes on to fail as it should.
seq 1 300000 | sed 's/.*/&,x&/' | (echo a,b; cat) >"$d/many.csv"
gzip -c "$d/many.csv" >"$d/many.gz"
csvclean "$d/many.csv" >"$d/want"
csvclean "$d/many.gz" | cmp "$d/want" -
(printf '\357\273\277'; cat "$d/many.csv") | gzip -c | csvclean - |
    cmp "$d/want" -
head -c 1000000 "$d/many.gz" >"$d/cut.gz"
if csvclean "$d/cut.gz" >/dev/null 2>"$d/err"; then
	echo "a gzip stream cut after several chunks must fail"; exit 1
fi
grep -q 'cut.gz: gzip stream truncated' "$d/err"
seq 1 300000 | sed 's/.*/&,y/' | (echo a,c; cat) | gzip -c >"$d/other.gz"
if csvclean "$d/many.gz" "$d/other.gz" >"$d/out" 2>"$d/err"; then
	exit 1
fi
grep -q "other.gz:1: header differs from the first file's; file skipped" \
    "$d/err"
cmp "$d/want" "$d/out"

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

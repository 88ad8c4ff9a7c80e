# -o writes the file only on success; a write error is exit 1; gzip input.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
crimerate -o "$t/out.csv" --period sa2016 hand.csv months.csv || exit 1
crimerate --period sa2016 hand.csv months.csv | cmp - "$t/out.csv" || exit 1
echo keep >"$t/keep.csv"
crimerate -o "$t/keep.csv" --period sa2016 bad-count.csv 2>/dev/null && exit 1
[ "$(cat "$t/keep.csv")" = keep ] || { echo "-o replaced on failure"; exit 1; }
[ "$(ls "$t" | wc -l)" = 2 ] || { echo "temporary file left"; exit 1; }
if [ -w /dev/full ]; then
	crimerate --period sa2016 hand.csv months.csv >/dev/full 2>"$t/err" && exit 1
	grep -q 'write error' "$t/err" || { echo "no write error said"; exit 1; }
fi
gzip -c hand.csv >"$t/hand.csv.gz"
crimerate --period sa2016 "$t/hand.csv.gz" months.csv | cmp - "$t/out.csv" || exit 1
# --partial -o too
crimerate --partial -o "$t/p.csv" hand.csv months.csv || exit 1
crimerate --merge --period sa2016 "$t/p.csv" | cmp - "$t/out.csv" || exit 1

# -o FILE: the file holds the output, stdout stays empty, and a failing
# run leaves an existing file as it was.
set -u
f=$TMPDIR/satrend-o.csv
out=$(satrend -o "$f" series.csv) || { echo "exit $?"; exit 1; }
[ -z "$out" ] || { echo "stdout not empty"; exit 1; }
cmp series.out "$f" || { echo "-o file differs"; exit 1; }
echo keep >"$f"
satrend -o "$f" gap.csv 2>/dev/null && { echo "gap.csv passed"; exit 1; }
[ "$(cat "$f")" = keep ] || { echo "-o file replaced by a failing run"; exit 1; }
ls "$TMPDIR" | grep -q '^\.satrend-o' && { echo "temporary file left"; exit 1; }
exit 0

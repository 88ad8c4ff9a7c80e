# -o FILE: the file holds the output, stdout stays empty, and a failing
# run leaves an existing file as it was.
set -u
f=$TMPDIR/sapriority-o.csv
out=$(sapriority -o "$f" -m hand.model -s sheet.csv --area North ranked.csv 2>/dev/null) ||
    { echo "exit $?"; exit 1; }
[ -z "$out" ] || { echo "stdout not empty"; exit 1; }
cmp hand.out "$f" || { echo "-o file differs"; exit 1; }
echo keep >"$f"
sapriority -o "$f" -m hand.model -s sheet-off-scale.csv --area North ranked.csv 2>/dev/null &&
    { echo "sheet-off-scale.csv passed"; exit 1; }
[ "$(cat "$f")" = keep ] || { echo "-o file replaced by a failing run"; exit 1; }
ls -a "$TMPDIR" | grep -q '^\.sapriority-o' && { echo "temporary file left"; exit 1; }
exit 0

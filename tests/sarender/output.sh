# -o FILE is written whole or not at all; a write error is exit 1.
t=$(mktemp -d)
sarender -f md -o "$t/t.md" ranked.csv || exit 1
sarender -f md ranked.csv | cmp -s - "$t/t.md" || { echo "-o differs from stdout"; exit 1; }
echo keep >"$t/keep"
sarender -o "$t/keep" ragged.csv 2>/dev/null && { echo "ragged input passed"; exit 1; }
[ "$(cat "$t/keep")" = keep ] || { echo "-o replaced a good file on failure"; exit 1; }
if [ -w /dev/full ]; then
	sarender ranked.csv >/dev/full 2>"$t/err"
	[ $? = 1 ] || { echo "write to /dev/full not exit 1"; exit 1; }
	grep -q 'sarender' "$t/err" || { echo "no message on write error"; exit 1; }
fi
sarender -f html ranked.csv | head -1 >/dev/null
exit 0

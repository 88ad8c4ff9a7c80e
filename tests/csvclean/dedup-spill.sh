# --dedup in a small budget: past it the ids go to sorted temporary files,
# and the result is the same, row for row, as with everything in memory.
# Duplicates are near (the next row) and far (100,000 rows back, long
# after their first sight has left the table); empty ids never are.
set -e
d=$TMPDIR/dedup-spill.$$
mkdir "$d"
awk 'BEGIN {
	print "id,n"
	for (i = 0; i < 120000; i++) {
		printf "C%d,%d\n", i, i
		if (i % 7 == 0) printf "C%d,%d\n", i, i
		if (i >= 100000) printf "C%d,%d\n", i - 100000, i
		if (i % 1000 == 0) printf ",%d\n", i
	}
}' >"$d/in.csv"
csvclean --stats --dedup id "$d/in.csv" >"$d/big" 2>"$d/big.err"
TMPDIR=$d csvclean -v --stats --dedup id --dedup-memory 16K "$d/in.csv" \
    >"$d/small" 2>"$d/small.err"
cmp "$d/big" "$d/small"
# 120,000 ids, 17,143 repeated next to themselves and 20,000 from afar
grep -q 'read 157263, written 120120, rejected 0, duplicates 37143' \
    "$d/big.err"
grep -q 'read 157263, written 120120, rejected 0, duplicates 37143' \
    "$d/small.err"
grep -q "dedup: [0-9]* of 120000 keys held in temporary files in $d" \
    "$d/small.err"
# the temporary files are unlinked as soon as they are made
[ -z "$(ls "$d" | grep sapipe-dedup)" ]
# exact-row dedup and id dedup share the budget, and agree with memory
csvclean --dedup id --dedup-rows "$d/in.csv" >"$d/big"
csvclean --dedup id --dedup-rows --dedup-memory 32k "$d/in.csv" >"$d/small"
cmp "$d/big" "$d/small"
# a temporary folder that cannot be written is an I/O error, named; -o is
# left as it was and no temporary output remains
echo old >"$d/out.csv"
if TMPDIR=$d/none csvclean --dedup id --dedup-memory 16K -o "$d/out.csv" \
    "$d/in.csv" 2>"$d/err"; then exit 1; else rc=$?; fi
[ "$rc" = 1 ]
grep -q "csvclean: temporary file $d/none/sapipe-dedup.*: No such file" \
    "$d/err"
[ "$(cat "$d/out.csv")" = old ]
[ "$(ls -a "$d" | grep -c '^\.out\.csv\.')" = 0 ]
# budgets below 16K, or not a size, are usage errors
for m in 15K 1000 12X -1 K; do
	if csvclean --dedup id --dedup-memory "$m" "$d/in.csv" >/dev/null \
	    2>"$d/err"; then exit 1; else rc=$?; fi
	[ "$rc" = 2 ]
done
grep -q "dedup-memory" "$d/err"

# A row's dedup is settled when the next row has been worked (its look-up
# started a row ahead), and at the end of each file; with --report each
# row is settled at once. Both ways give the same rows, counts and order:
# a duplicate right after its first sight, at a file's last row, at the
# next file's first row, and with --dedup-rows too. A run that stops on
# a row of the header's names in another order has written every row
# before it.
set -e
d=$TMPDIR/dedup-defer.$$
mkdir "$d"
printf 'id,n\nA,1\nA,2\nB,3\n,4\nC,5\nB,6\n' >"$d/1.csv"
printf 'id,n\nB,7\nD,8\n,4\nD,9\nE,10\n' >"$d/2.csv"
for extra in "" "--dedup-rows"; do
	csvclean --stats --dedup id $extra "$d/1.csv" "$d/2.csv" \
	    >"$d/out" 2>"$d/err"
	csvclean --stats --dedup id $extra --report "$d/rep.csv" --report-columns month=n \
	    "$d/1.csv" "$d/2.csv" >"$d/out2" 2>"$d/err2"
	cmp "$d/out" "$d/out2"
	grep 'read' "$d/err" >"$d/s1"
	grep 'read' "$d/err2" >"$d/s2"
	cmp "$d/s1" "$d/s2"
done
# by hand: A,1 B,3 ,4 C,5 | D,8 ,4 E,10 kept; A,2 B,6 B,7 D,9 dropped
# (the second empty-id row ,4 is a duplicate row under --dedup-rows)
csvclean --stats --dedup id "$d/1.csv" "$d/2.csv" >"$d/out" 2>"$d/err"
printf 'id,n\nA,1\nB,3\n,4\nC,5\nD,8\n,4\nE,10\n' | cmp - "$d/out"
grep -q 'read 11, written 7, rejected 0, duplicates 4' "$d/err"
csvclean --stats --dedup id --dedup-rows "$d/1.csv" "$d/2.csv" \
    >"$d/out" 2>"$d/err"
printf 'id,n\nA,1\nB,3\n,4\nC,5\nD,8\nE,10\n' | cmp - "$d/out"
grep -q 'read 11, written 6, rejected 0, duplicates 5' "$d/err"
# the last row of the file is written before the run stops
printf 'B,A\n4,3\n5,6\na,b\n6,5\n' >"$d/3.csv"
printf 'a,b\n1,2\n' >"$d/h.csv"
if csvclean --dedup a "$d/h.csv" "$d/3.csv" >"$d/out" 2>"$d/err"; then
	exit 1
fi
grep -q "3.csv:4: a row of the header's names in another order" "$d/err"
printf 'a,b\n1,2\n3,4\n6,5\n' | cmp - "$d/out"
rm -r "$d"

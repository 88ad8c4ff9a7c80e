# Regression: a row of one empty field was written as an empty line,
# which every CSV reader skips as blank, so `csvclean --select a` on a
# row whose a is empty lost the row for the next stage. RFC 4180 writes
# it as "" on its line.
. ./common.inc
need csvclean
printf 'a,b\n,x\n1,y\n' >"$t/s.csv"
expect 0 "" csvclean --select a "$t/s.csv"
same "$t/out" 'a\n""\n1\n'
csvclean --select a "$t/s.csv" | csvclean --stats >/dev/null 2>"$t/err"
grep -qF "read 2, written 2" "$t/err" || { echo "FAIL: the row is lost downstream: $(cat "$t/err")"; fails=$((fails + 1)); }
done_

# NUL bytes inside a field: the row is rejected (never a C string cut
# short), the others pass, the reject names the line.
. ./common.inc
need csvclean
printf 'a,b\n1,x\000y\n2,z\n' >"$t/n.csv"
expect 1 "n.csv:2:" csvclean "$t/n.csv"
same "$t/out" 'a,b\n2,z\n'
expect 0 "read 2, written 1, rejected 1" csvclean --stats --max-rejects 1 "$t/n.csv"
done_

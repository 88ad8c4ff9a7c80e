# A quote left open at the end of the file: that row is a reject naming
# its line; with several lines after the quote, those lines are read again.
. ./common.inc
need csvclean crimerate
printf 'a,b\n1,2\n3,"4\n' >"$t/q.csv"
expect 1 "q.csv:3: quoted field not closed before the end of input" csvclean "$t/q.csv"
same "$t/out" 'a,b\n1,2\n'
printf 'a,b\n1,"2\n3,4\n5,6\n' >"$t/q2.csv"
expect 0 "read 3, written 2, rejected 1" csvclean --stats --max-rejects 1 "$t/q2.csv"
same "$t/out" 'a,b\n3,4\n5,6\n'
printf 'date,area,category\n2016,A,"x\n' >"$t/r.csv"
expect 1 "r.csv:2: quoted field not closed before the end of input" crimerate "$t/r.csv"
done_

# Impossible dates: 2016-02-30 and 0000-00-00 are errors in crimerate and
# rejects in csvclean --date, never moved to a neighbouring day.
. ./common.inc
need csvclean crimerate
for d in 2016-02-30 0000-00-00 2015-02-29 2016-13-01; do
	printf 'date,area,category\n%s,A,x\n' "$d" >"$t/r.csv"
	expect 1 "r.csv:2: column 'date': '$d' is not a date" crimerate "$t/r.csv"
	printf 'date,n\n%s,1\n2016-02-29,2\n' "$d" >"$t/c.csv"
	expect 1 "c.csv:2:" csvclean --date date "$t/c.csv"
	same "$t/out" 'date,n\n2016-02-29,2\n'
done
done_

# --suppress fails closed on counts it cannot read: "3*", "5e0", full-width
# digits, a fraction or a negative stop the run naming file, line and
# column (before, each was shown with its rate); a blank count is withheld
# with what would reveal it (its rate times the population is the count).
. ../hostile/common.inc
need sarender
for v in '3*' '5e0' '５' '3.5' '-2' '0x3' '1e1'; do
	printf 'area,category,count,population,rate\nA,Robbery,45,1000,45.0\nB,Robbery,%s,1000,3.0\n' "$v" >"$t/in.csv"
	expect 1 "in.csv:3: column 'count': '$v' is not a count" sarender --suppress 10 "$t/in.csv"
	check "'$v': nothing on stdout" ! -s "$t/out"
	printf 'area,category,count,prev_count,population,rate\nA,Robbery,45,%s,1000,45.0\n' "$v" >"$t/in.csv"
	expect 1 "in.csv:2: column 'prev_count': '$v' is not a count" sarender --suppress 10 "$t/in.csv"
done
# without --suppress such a count is shown as it is
expect 0 "" sarender -f csv "$t/in.csv"
# blank: withheld, shown blank, its rate blank too
printf 'area,category,count,population,rate\nA,Robbery,45,1000,45.0\nB,Robbery,,1000,3.0\nC,Robbery,1200,1000,1200.0\n' >"$t/in.csv"
expect 0 "" sarender -f csv --suppress 10 "$t/in.csv"
same "$t/out" 'Area,Indicator,Count,"Rate per 1,000"\nA,Robbery,45,45.0\nB,Robbery,,\nC,Robbery,1200,1200.0\n'
# a count with thousands separators is a count
printf 'area,category,count,rate\nA,Robbery,"1,200",3.0\nB,Robbery,9,1.0\n' >"$t/in.csv"
expect 0 "" sarender -f csv --suppress 10 "$t/in.csv"
same "$t/out" 'Area,Indicator,Count,"Rate per 1,000"\nA,Robbery,"1,200",3.0\nB,Robbery,<10,\n'
done_

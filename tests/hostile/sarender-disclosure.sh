# sarender --suppress as an attacker reads it: each way the hidden count
# could be recovered from the same table, which now must not work.
. ./common.inc
need sarender
# 1. a target on counts grades the hidden count ("<10 ... Green": <= 5)
printf 'area,category,count,rate\nA,Robbery,3,0.03\nB,Robbery,40,0.40\n' >"$t/in.csv"
printf 'category,target,measure\nRobbery,5,count\n' >"$t/tg.csv"
expect 0 "" sarender -f csv --suppress 10 --targets "$t/tg.csv" -C area,count,rag "$t/in.csv"
same "$t/out" 'Area,Count,Status\nA,<10,\nB,40,Red\n'
# 2. a small MSG: the group's lowest rate and mean, and the others' rates
# and ranks, give the hidden rate; rate x population gives the count
printf 'area,category,period,group,count,population,rate,rank,of,group_mean,group_min,group_max\n' >"$t/in.csv"
printf 'A,Robbery,2016,G,3,100000,0.03,1,2,0.165,0.03,0.30\nB,Robbery,2016,G,30,100000,0.30,2,2,0.165,0.03,0.30\n' >>"$t/in.csv"
for f in csv text md html; do
	expect 0 "" sarender -f $f --suppress 10 -C area,count,rate,rank,group_mean,group_min,group_max "$t/in.csv"
	grep -q '0\.03\|0\.165\|0\.17\|[12]/2' "$t/out" && { echo "FAIL: -f $f shows a group figure:"; grep '0\.03\|0\.165\|0\.17\|[12]/2' "$t/out"; fails=$((fails + 1)); }
done
expect 0 "" sarender -f html --suppress 10 "$t/in.csv"
grep -q 'MSG lowest' "$t/out" && { echo "FAIL: the chart labels the group's lowest"; fails=$((fails + 1)); }
# 3. counts it cannot read are not shown with their rates
for v in '3*' '5e0' '３'; do
	printf 'area,category,count,rate\nA,Robbery,%s,0.03\n' "$v" >"$t/in.csv"
	expect 1 "in.csv:2: column 'count': '$v' is not a count" sarender --suppress 10 "$t/in.csv"
done
# 4. a total minus the shown parts
printf 'area,parent\nA,P\nB,P\n' >"$t/roll.csv"
printf 'area,category,count\nA,Robbery,3\nB,Robbery,40\nP,Robbery,43\n' >"$t/in.csv"
expect 0 "" sarender -f csv --suppress 10 --rollup "$t/roll.csv" "$t/in.csv"
same "$t/out" 'Area,Indicator,Count\nA,Robbery,<10\nB,Robbery,[c]\nP,Robbery,43\n'
expect 2 "--rollup" sarender --rollup "$t/roll.csv" "$t/in.csv"
done_

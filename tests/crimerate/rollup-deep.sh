# Deep roll-ups: no recursion, time linear in what is printed. A chain of
# 200,000 levels (L0 → L1 → … → L200000) must not overflow the stack, each
# level counts the records below once, in count and population (THEFT, the
# spelling counted most, for Theft); 10,000 levels, with data at each,
# finish (a walk per level, quadratic, took 49 s for them, and 200,000 would
# take hours: the 120 s guard only stops such a run, it times nothing);
# a cycle at the top of a long chain is still an error naming an area on it.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
chain() { awk -v n="$1" 'BEGIN { print "area,parent"; for (i = 0; i < n; i++) print "L" i ",L" i + 1 }'; }
printf 'date,area,category,count\n2016,L0,Theft,3\n2016,l0,THEFT,4\n' >"$t/rec.csv"
printf 'area,population\nL0,1000\n' >"$t/pop.csv"
chain 200000 >"$t/deep.csv"
crimerate --period 2016 --compare none --rollup "$t/deep.csv" --population "$t/pop.csv" \
    "$t/rec.csv" >"$t/out" || { echo "200,000 levels: failed"; exit 1; }
[ "$(wc -l <"$t/out")" = 200002 ] || { echo "200,000 levels: $(wc -l <"$t/out") lines"; exit 1; }
grep -qx 'L200000,THEFT,2016,7,1000,7.00,,,,,1000,1.000,,,,,,,population,count,,,,' "$t/out" ||
    { echo "200,000 levels: the top is wrong"; grep '^L200000,' "$t/out"; exit 1; }
[ "$(cut -d, -f4,5 "$t/out" | sort -u | grep -vc count)" = 1 ] ||
    { echo "200,000 levels: not every level 7 in 1000"; exit 1; }
chain 10000 >"$t/c10k.csv"
timeout 120 crimerate --period 2016 --compare none --rollup "$t/c10k.csv" --population "$t/pop.csv" \
    "$t/rec.csv" >/dev/null || { echo "10,000 levels: failed or did not finish"; exit 1; }
# a record at every one of 10,000 levels: 10,000 rows, still linear
awk 'BEGIN { print "date,area,category"; for (i = 0; i <= 10000; i++) print "2016,L" i ",Theft" }' >"$t/every.csv"
timeout 120 crimerate --period 2016 --compare none --rollup "$t/c10k.csv" "$t/every.csv" >"$t/out" ||
    { echo "10,000 levels, each with data: failed or did not finish"; exit 1; }
grep -qx 'L10000,Theft,2016,10001,,,,,,,1000,1.000,,,,,,,,count,,,,' "$t/out" &&
    grep -qx 'L5000,Theft,2016,5001,,,,,,,1000,1.000,,,,,,,,count,,,,' "$t/out" ||
    { echo "10,000 levels, each with data: wrong counts"; exit 1; }
# the same with a month of data a year at every level: a gap at each,
# 20,002 of them, ten said (each level was walked again for every
# row above it, 11 s; the 120 s guard only stops such a run)
awk 'BEGIN { print "date,area,category"; for (i = 0; i <= 10000; i++) { print "2016-06,L" i ",Theft"; print "2015-06,L" i ",Theft" } }' >"$t/gappy.csv"
timeout 120 crimerate --period 2016 --rollup "$t/c10k.csv" "$t/gappy.csv" >"$t/out" 2>"$t/err"
[ $? = 1 ] && grep -q "no data for 'L0' from .*gappy.csv (Theft) in 2016-01..2016-05, 2016-07..2016-12, inside period 2016" "$t/err" &&
    grep -q "and 19992 more gaps" "$t/err" ||
    { echo "10,000 levels with gaps: not the gaps"; head -3 "$t/err"; exit 1; }
{ cat "$t/deep.csv"; echo "L200000,L7"; } >"$t/cycle.csv"
crimerate --period 2016 --compare none --rollup "$t/cycle.csv" "$t/rec.csv" >"$t/out" 2>"$t/err"
[ $? = 1 ] && grep -q "the rollup has a cycle through 'L" "$t/err" ||
    { echo "a cycle 200,000 long: not an error"; cat "$t/err"; exit 1; }
exit 0

# msgrank's groups, attacked: 80,000 groups (the lookup was quadratic:
# 27 s of CPU; now a hash, about 2 s, most of it printing 160,000 rows),
# an area in two groups (each output row names its group, and sarender
# shows the group when rows differ in it), an accuracy file with a header
# only (was qsort(NULL, 0), an abort under UBSan) and duplicate column
# names in every input (were read as the first, silently).
. ./common.inc
need msgrank sarender
awk 'BEGIN { print "group,area"; for (i = 0; i < 80000; i++)
	printf "G%d,A%d\nG%d,A%d\n", i, i, i, i + 1 }' >"$t/g.csv"
awk 'BEGIN { print "area,category,period,count,population,rate";
	for (i = 0; i <= 80000; i++) printf "A%d,x,2016,%d,1000,%d.00\n", i,
	    i % 50, i % 50 }' >"$t/d.csv"
( ulimit -t 20; msgrank --group "$t/g.csv" "$t/d.csv" >"$t/out" 2>"$t/err" )
check "80,000 groups in under 20 s of CPU (exit $?)" $? = 0
check "80,000 groups: 160,000 rows" "$(wc -l <"$t/out")" = 160001
check "80,000 groups: G79999 ranked" "$(tail -1 "$t/out" | cut -d, -f7-9)" = "G79999,1,2"

printf 'group,area\nNorth,Echo\nSouth,Echo\nNorth,Alpha\nSouth,Golf\n' >"$t/g2.csv"
printf 'area,category,period,count,population,rate\nEcho,x,2016,30,10000,3.00\nAlpha,x,2016,10,10000,1.00\nGolf,x,2016,50,10000,5.00\n' >"$t/d2.csv"
expect 0 "" msgrank --group "$t/g2.csv" --focus echo "$t/d2.csv"
check "two groups: two rows" "$(cut -d, -f1,7,8 "$t/out" | tail -2 | tr '\n' ' ')" = "Echo,North,2 Echo,South,1 "
msgrank --group "$t/g2.csv" --focus Echo "$t/d2.csv" | sarender -f csv >"$t/out"
check "sarender tells the two rows apart" "$(cut -d, -f4 "$t/out" | tail -2 | tr '\n' ' ')" = "North South "

printf 'area,accuracy_pct\n' >"$t/acc.csv"
expect 0 "no accuracies" msgrank --accuracy "$t/acc.csv" "$t/d2.csv"

printf 'area,Area,category,period,count,population,rate\nA,B,x,2016,1,10,100.00\n' >"$t/dup.csv"
expect 1 "columns 1 'area' and 2 'Area' have the same name" msgrank "$t/dup.csv"
printf 'group,area, GROUP \ng,Echo,h\n' >"$t/dupg.csv"
expect 1 "columns 1 'group' and 3 ' GROUP ' have the same name" msgrank --group "$t/dupg.csv" "$t/d2.csv"
printf 'area,accuracy_pct,accuracy_pct\nEcho,90,80\n' >"$t/dupa.csv"
expect 1 "columns 2 'accuracy_pct' and 3 'accuracy_pct' have the same name" msgrank --accuracy "$t/dupa.csv" "$t/d2.csv"
printf 'area,category,period,count,population,rate\n' >"$t/h.csv"
expect 0 "" msgrank "$t/h.csv"
done_

# Counts past 64 bits: a count that is itself too big, and counts that
# add up past 2^63-1, are errors naming the line; never a wrapped total.
. ./common.inc
need crimerate
printf 'date,area,category,count\n2016,A,x,99999999999999999999\n' >"$t/a.csv"
expect 1 "a.csv:2: column 'count': '99999999999999999999' is past 64 bits" crimerate "$t/a.csv"
printf 'date,area,category,count\n2016,A,x,9223372036854775807\n2016,A,x,1\n' >"$t/b.csv"
expect 1 "b.csv:3: column 'count': the sum of counts passes 2^63-1 (64 bits)" crimerate "$t/b.csv"
check "no stdout on overflow" ! -s "$t/out"
printf 'date,area,category,count\n2016,A,x,9223372036854775807\n' >"$t/c.csv"
expect 0 "" crimerate "$t/c.csv"
same "$t/out" 'area,category,period,count,population,rate,prev_count,prev_rate,change,change_pct,per,coverage,prev_coverage,change_lcl,change_ucl,change_p,change_sig,prev_population,denominator,kind,harm_share,volume_share,yoy_count,yoy_change_pct\nA,x,2016,9223372036854775807,,,,,,,1000,1.000,0.000,,,,,,,count,,,,\n'
printf 'date,area,category,count\n2016,A,x,-1\n' >"$t/d.csv"
expect 1 "d.csv:2: column 'count': '-1' is not a count" crimerate "$t/d.csv"
done_

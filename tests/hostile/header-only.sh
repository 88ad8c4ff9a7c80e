# A header and no rows: every tool passes the header (or its own) on.
. ./common.inc
need csvclean crimerate
printf 'Month,LSOA name,Crime type,Crime ID\r\n' >"$t/h.csv"
expect 0 "read 0, written 0, rejected 0" csvclean -p police-street --stats "$t/h.csv"
same "$t/out" 'date,area,category\n'
printf 'date,area,category\n' >"$t/r.csv"
expect 0 "" crimerate "$t/r.csv"
same "$t/out" 'area,category,period,count,population,rate,prev_count,prev_rate,change,change_pct,per,coverage,prev_coverage,change_lcl,change_ucl,change_p,change_sig,prev_population,denominator,kind,harm_share,volume_share,yoy_count,yoy_change_pct\n'
done_

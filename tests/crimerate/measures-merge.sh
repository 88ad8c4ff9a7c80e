# Percentages, denominators and harm weights belong to the final stage:
# partials of the records, merged with --indicators and --weights, give
# what one run gives, byte for byte.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
cd "$TOP/tests/crimerate" || exit 1
head -8 harm.csv >"$t/a.csv"
{ head -1 harm.csv; tail -n +9 harm.csv; } >"$t/b.csv"
crimerate --partial "$t/a.csv" >"$t/pa.csv" &&
crimerate --partial "$t/b.csv" pct.csv >"$t/pb.csv" || exit 1
printf 'indicator,polarity,denominator\nDomestic burglary,low,households\n' >"$t/hh.csv"
opts="--period 2016 --population den-pop.csv --indicators $t/hh.csv --weights harm-weights.csv --rollup pct-rollup.csv"
crimerate $opts --allow-missing-population "$t/a.csv" "$t/b.csv" pct.csv >"$t/one.csv" 2>/dev/null || exit 1
crimerate --merge $opts --allow-missing-population "$t/pa.csv" "$t/pb.csv" >"$t/merged.csv" 2>/dev/null || exit 1
cmp "$t/one.csv" "$t/merged.csv" || { diff "$t/one.csv" "$t/merged.csv"; exit 1; }
grep -q ',harm,' "$t/one.csv" && grep -q ',households,count,' "$t/one.csv" ||
    { echo "no harm or households rows"; exit 1; }
printf 'indicator,polarity,denominator,per,kind,numerator\nRepeat (%%),low,DA victims,,percentage,Repeat DA victims\n' >"$t/i.csv"
crimerate --period 2016 --indicators "$t/i.csv" "$t/a.csv" "$t/b.csv" pct.csv >"$t/one.csv" &&
crimerate --merge --period 2016 --indicators "$t/i.csv" "$t/pa.csv" "$t/pb.csv" >"$t/merged.csv" &&
cmp "$t/one.csv" "$t/merged.csv" && grep -q ',percentage,' "$t/one.csv" ||
    { echo "percentages: the merge differs"; exit 1; }

# The real police.uk force data (BBC Data Unit extract, 45 forces, year
# data, CR line ends) through csvclean | crimerate | msgrank, ranking the
# forces by the change in total recorded crime (every crime type but
# anti-social behaviour, police-cats.csv) in 2016 against 2015. Every
# msgrank figure is checked against an awk computation from the raw file.
set -u
data=${TOP:-../..}/tests/data/police-outcomes-by-force-2012-16.csv
for t in csvclean crimerate msgrank; do
	command -v $t >/dev/null || { echo "$t is not built yet"; exit 77; }
done
[ -r "$data" ] || { echo "no $data"; exit 1; }
t=$TMPDIR/real
mkdir -p "$t"

csvclean --rename 'Year=date,f0_=count,crime_type=category,reported_by=area' \
    --date date=%Y "$data" |
    crimerate --period 2016 --categories police-cats.csv |
    msgrank --by change_pct >"$t/ranked.csv" || { echo "pipeline failed"; exit 1; }

# msgrank's figures for total recorded crime, as the fields compared below.
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $c["category"] == "Total recorded crime" {
	print $c["area"] "|" $c["count"] "|" $c["prev_count"] "|" \
	    $c["change_pct"] "|" $c["group"] "|" $c["rank"] "|" $c["of"] "|" \
	    $c["group_mean"] "|" $c["vs_mean_pct"] "|" $c["lcl"] "|" \
	    $c["ucl"] "|" $c["band"] "|" $c["group_min"] "|" \
	    $c["group_q1"] "|" $c["group_q3"] "|" $c["group_max"]
    }' "$t/ranked.csv" | sort >"$t/got"

# The same from the raw file: counts per force, the change to 1 decimal,
# then (sorted by change) competition ranks, mean, R type 7 quartiles,
# Byar's 95 % limits of the 2016 count over the 2015 count, band.
tr '\r' '\n' <"$data" | awk -F, '
    NR > 1 && $3 != "Anti-social behaviour" && $1 == 2016 { n[$4] += $2 }
    NR > 1 && $3 != "Anti-social behaviour" && $1 == 2015 { p[$4] += $2 }
    END {
	for (a in n) if (p[a] > 0)
		printf "%s|%d|%d|%.1f\n", a, n[a], p[a], (n[a] - p[a]) / p[a] * 100
    }' | sort -t'|' -k4,4g | awk -F'|' '
    function cube(x) { return x * x * x }
    function q(p,   h, i) {
	h = (m - 1) * p; i = int(h)
	return i + 1 >= m ? v[m - 1] : v[i] + (h - i) * (v[i + 1] - v[i])
    }
    BEGIN { m = 0 }
    { line[m] = $0; v[m] = $4 + 0; k[m] = $2 + 0; pr[m] = $3 + 0; sum += v[m]; m++ }
    END {
	z = 1.959963984540054
	mean = sum / m
	for (i = 0; i < m; i++) {
		if (k[i] < 10) { print "count below 10: no Byar" > "/dev/stderr"; exit 1 }
		r = (i > 0 && v[i] == v[i - 1]) ? r : i + 1
		lo = k[i] * cube(1 - 1 / (9 * k[i]) - z / (3 * sqrt(k[i])))
		k1 = k[i] + 1
		hi = k1 * cube(1 - 1 / (9 * k1) + z / (3 * sqrt(k1)))
		lo = (lo / pr[i] - 1) * 100; hi = (hi / pr[i] - 1) * 100
		band = lo > mean ? "above" : hi < mean ? "below" : "in line"
		printf "%s|all|%d|%d|%.1f|%.1f|%.1f|%.1f|%s|%.1f|%.1f|%.1f|%.1f\n",
		    line[i], r, m, mean, v[i] - mean, lo, hi, band, v[0],
		    q(0.25), q(0.75), v[m - 1]
	}
    }' | sed 's/|-0\.0|/|0.0|/g' | sort >"$t/want"

n=$(wc -l <"$t/want")
[ "$n" -ge 40 ] || { echo "only $n forces computed"; exit 1; }
diff -u "$t/want" "$t/got" || exit 1
echo "$n forces agree"

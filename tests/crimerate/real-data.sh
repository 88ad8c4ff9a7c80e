# The real police.uk outcomes by force, 2012-16, through csvclean and
# crimerate: per force and crime type, 2016 against 2015, and per force
# totals for 2016, checked against an independent awk computation. A
# force and crime type met in any year has a row (0 when none in 2016).
data=${TOP:-../..}/tests/data/police-outcomes-by-force-2012-16.csv
[ -f "$data" ] || { echo "no $data"; exit 1; }
command -v csvclean >/dev/null || { echo "csvclean is not built"; exit 77; }
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
csvclean --rename 'Year=date,f0_=count,crime_type=category,reported_by=area' \
    --date date=%Y "$data" >"$t/rec.csv" || exit 1

# awk reads the raw file (CR line ends); half away from zero, as crimerate.
tr '\r' '\n' <"$data" | awk -F, '
NR > 1 && ($1 == 2016 || $1 == 2015) { n[$4 "," $3 "," $1] += $2 }
NR > 1 { k[$4 "," $3] = 1 }
NR > 1 && $1 == 2016 { tot[$4] += $2 }
END {
	for (x in k) {
		c = n[x ",2016"] + 0; p = n[x ",2015"] + 0; pct = ""
		if (p > 0) {
			v = (c - p) * 1000 / p
			r = int(v + (v < 0 ? -0.5 : 0.5)); s = r < 0 ? "-" : ""
			if (r < 0) r = -r
			pct = sprintf("%s%d.%d", s, int(r / 10), r % 10)
		}
		printf "%s,%d,%d,%d,%s\n", x, c, p, c - p, pct
	}
	for (f in tot) printf "%s,%d\n", f, tot[f] > "'"$t/awktot"'"
}' | LC_ALL=C sort >"$t/awk"
crimerate --period 2016 "$t/rec.csv" | tail -n +2 |
    awk -F, '{ print $1 "," $2 "," $4 "," $7 "," $9 "," $10 }' |
    LC_ALL=C sort >"$t/cr" || exit 1
[ "$(wc -l <"$t/awk")" -gt 500 ] || { echo "too few rows"; exit 1; }
diff "$t/awk" "$t/cr" || exit 1

# totals per force: every crime type mapped to one indicator
awk -F, 'NR > 1 { print $3 ",All crime" }' "$t/rec.csv" | sort -u |
    sed '1i category,indicator' >"$t/cats.csv"
crimerate --period 2016 --categories "$t/cats.csv" "$t/rec.csv" |
    awk -F, 'NR > 1 { print $1 "," $4 }' | LC_ALL=C sort >"$t/crtot"
LC_ALL=C sort "$t/awktot" | diff - "$t/crtot" || exit 1
[ "$(wc -l <"$t/crtot")" -ge 43 ] || { echo "too few forces"; exit 1; }

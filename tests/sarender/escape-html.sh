# Every field holds '<' and '&' markers: none may reach the HTML raw.
t=$(mktemp -d)
{
	echo 'area,category,period,count,rate,change_pct,band,rank,of,group,group_mean,group_min,group_max'
	for i in 1 2 3; do
		echo "<d:a$i,<d:c$i &d;,<d:p,<d:n,<d:r,<d:x,<d:b,<d:k,<d:o,<d:g,1,0,2"
	done
} >"$t/in.csv"
sarender -f html --focus '<d:a1' -o "$t/out.html" "$t/in.csv" || exit 1
sarender -f html -C 'category:<d:L,count,band' -o "$t/out2.html" "$t/in.csv" || exit 1
for f in "$t/out.html" "$t/out2.html"; do
	if grep -n '<d:\|&d;' "$f"; then echo "raw data in $f"; exit 1; fi
	grep -q '&lt;d:c1 &amp;d;' "$f" || { echo "data missing from $f"; exit 1; }
done

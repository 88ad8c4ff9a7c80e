# Everything from the data is escaped for the output format: <script>,
# quotes, &, |, and newlines in every field, rendered as HTML and Markdown.
. ./common.inc
need sarender
printf '%s\n' 'area,category,period,count,population,rate' \
    '"<script>alert(1)</script>","a|b &amp; ""q""","x<y",5,1000,5.00' \
    '"line1' 'line2","<img src=x onerror=alert(1)>","&lt;",7,1000,7.00' >"$t/x.csv"
expect 0 "" sarender -f html --title '<b>t</b>' "$t/x.csv"
html=$t/out
if grep -q '<script\|<img\|<b>t' "$html"; then
	echo "FAIL: raw markup from the data in the HTML"; grep -n '<script\|<img\|<b>t' "$html" | head; fails=$((fails + 1))
fi
grep -qF '&lt;script&gt;' "$html" || { echo "FAIL: <script> not shown escaped"; fails=$((fails + 1)); }
grep -qF '&amp;amp;' "$html" || { echo "FAIL: & not escaped"; fails=$((fails + 1)); }
expect 0 "" sarender -f md "$t/x.csv"
awk -F'|' 'NR > 2 && /^\|/ { n = NF } NR == 1 { h = NF } END { exit !(n == h) }' "$t/out" ||
    { echo "FAIL: a | from the data split a Markdown row"; cat "$t/out"; fails=$((fails + 1)); }
check "Markdown: one line per row" "$(grep -c '^|' "$t/out")" = 4
done_

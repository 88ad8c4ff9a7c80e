# sarender on hostile text: URLs and addresses in data are no links in
# Markdown; alignment is the same without a locale (cron); two columns of
# one name are an error, not the first one silently.
. ./common.inc
need sarender
printf 'area,category,count\nhttp://evil.test/x,www.evil.test,1\nme@evil.test,mailto:me@evil.test,2\n' >"$t/in.csv"
expect 0 "" sarender -f md "$t/in.csv"
grep -q 'http://\|www\.evil\|mailto:\|me@evil' "$t/out" && { echo "FAIL: a live autolink:"; cat "$t/out"; fails=$((fails + 1)); }
grep -qF 'http\://evil.test/x' "$t/out" || { echo "FAIL: URL not shown as text"; fails=$((fails + 1)); }
printf 'area,category,count\n東京,犯罪,1\ne\xcc\x81e\xcc\x81,x,2\n' >"$t/in.csv"
LC_ALL=C.UTF-8 sarender "$t/in.csv" >"$t/utf8" 2>&1
for loc in C POSIX; do
	LC_ALL=$loc sarender "$t/in.csv" >"$t/c" 2>&1
	cmp -s "$t/utf8" "$t/c" || { echo "FAIL: LC_ALL=$loc aligns differently"; diff "$t/utf8" "$t/c"; fails=$((fails + 1)); }
done
printf 'area,count,COUNT\nA,1,2\n' >"$t/in.csv"
expect 1 "columns 2 'count' and 3 'COUNT' have the same name" sarender "$t/in.csv"
done_

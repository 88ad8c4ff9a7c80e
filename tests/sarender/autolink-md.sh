# URLs and e-mail addresses from the data are not live links when GitHub
# renders -f md (its extended autolinks): checked with cmark-gfm, GitHub's
# renderer, where it is installed.
. ../hostile/common.inc
need sarender
command -v cmark-gfm >/dev/null || { echo "no cmark-gfm"; exit 77; }
expect 0 "" sarender -f md -C 'area,category:Indicator https://label.test,count,notes' \
    --title 'Report www.t.test' --source 'ask info@csp.test' autolink.csv
cmark-gfm -e table -e autolink "$t/out" >"$t/html"
check "a link in the rendered table: $(grep -o '<a [^>]*>' "$t/html" | head -3)" "$(grep -c '<a ' "$t/html")" = 0
# and the text is all there, as written
for w in 'http://evil.test/x?a=1' 'a.person@council.test' 'HTTPS://EVIL.TEST' 'ftp://f.test' \
    'www.evil.test' 'WWW.Evil.test' 'mailto:x@y.test' 'xmpp:u@x.test' 'Status: Green, at 10:30' \
    'https://label.test' 'www.t.test' 'info@csp.test'; do
	sed 's/\xe2\x81\xa0//g' "$t/html" | grep -qF -- "$w" || { echo "FAIL: '$w' not shown"; fails=$((fails + 1)); }
done
done_

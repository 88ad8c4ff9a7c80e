# Open the HTML in headless Chromium: the table cells are there, the page
# made no network request, and a screenshot is saved. Skipped without
# chromium. A control page that does fetch proves the request check can
# see a page's requests.
command -v chromium >/dev/null || { echo "chromium not installed: browser test skipped"; exit 77; }
t=$(mktemp -d)
fail() { echo "FAIL: $*"; exit 1; }
run() { # run NETLOG ARGS...: chromium, fresh profile, no resolvable host
	log=$1
	shift
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
	    --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$(mktemp -d "$t/profile.XXXXXX")" \
	    --host-resolver-rules="MAP * ~NOTFOUND" --log-net-log="$log" "$@" \
	    2>>"$t/chromium.err"
}
# The browser's own housekeeping requests carry no page origin
# ("initiator":"not an origin"); anything a page asks for carries its
# origin ("null" for a file).
pagereqs() { grep -o '"initiator":"[^"]*"' "$1" | grep -v '"not an origin"'; }

cat ranked.csv evil.csv >/dev/null || exit 1
sarender -f html --title 'Strategic Assessment 2016: Dartford' \
    --caption 'Recorded crime per 1,000 residents, October 2015 to September 2016' \
    --source 'Kent Police; ONS mid-2015 population estimates' \
    --classification OFFICIAL-SENSITIVE --suppress 5 --focus Dartford --rag 0,5 \
    -o "$t/table.html" ranked.csv || fail "sarender"
sarender -f html -o "$t/evil.html" evil.csv || fail "sarender evil"

run "$t/net.json" --dump-dom "file://$t/table.html" >"$t/dom.html" ||
    fail "chromium --dump-dom: $(tail -3 "$t/chromium.err")"
for cell in '<th scope="row">Violence against the person</th>' \
    '<td class="num">2,345</td>' '<td class="num">22.48</td>' \
    '<td class="num">▲ +11.6%</td>' '<td class="num">11/15</td>' \
    '<span class="rag rag-r">● Red</span>' '<span class="rag rag-a">◐ Amber</span>' \
    '<td class="num">&lt;5</td>' '<caption>Recorded crime per 1,000 residents' \
    '<th scope="col">Indicator</th>' '<div class="classification">OFFICIAL-SENSITIVE</div>'; do
	grep -qF -- "$cell" "$t/dom.html" || fail "page lacks $cell"
done
# 4: the robbery row (a count of 4) shows no group spread under --suppress
[ "$(grep -o '<svg class="pos"' "$t/dom.html" | wc -l)" = 4 ] || fail "want 4 position charts"
[ -s "$t/net.json" ] || fail "no net log written"
pagereqs "$t/net.json" && fail "the page made a network request"

run "$t/evil.json" --dump-dom "file://$t/evil.html" >"$t/evil-dom.html" || fail "chromium evil"
grep -q '<script\|<img' "$t/evil-dom.html" && fail "data became markup"
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$t/evil-dom.html" || fail "script text not shown"
pagereqs "$t/evil.json" && fail "the escaping page made a network request"

printf '<!DOCTYPE html><title>c</title><img src="http://probe.invalid/x.png">' >"$t/control.html"
run "$t/control.json" --dump-dom "file://$t/control.html" >/dev/null
pagereqs "$t/control.json" >/dev/null || fail "the request check cannot see a page's request"

run "$t/shot.json" --screenshot="$t/table.png" --window-size=1200,900 \
    "file://$t/table.html" >/dev/null || fail "chromium --screenshot"
[ "$(head -c 4 "$t/table.png" | od -An -c | tr -d ' ')" = 211PNG ] || fail "no screenshot"
[ -z "$SAPIPE_SHOTS" ] || cp "$t/table.png" "$SAPIPE_SHOTS/sarender.png"
echo "screenshot: $t/table.png"

# A funnel plot: drawn in the browser, with its focus label and limits,
# and no request made; a screenshot at A4 width to look at.
sarender -f html --focus Dartford --funnel Burglary -o "$t/funnel.html" \
    funnel.csv || fail "sarender --funnel"
run "$t/fnet.json" --dump-dom "file://$t/funnel.html" >"$t/fdom.html" ||
    fail "chromium funnel"
for s in '<svg class="fplot"' 'class="flabel">Dartford</text>' \
    'stroke-dasharray="6 3"' 'stroke-dasharray="1.5 2.5"' 'Population (log scale)'; do
	grep -qF -- "$s" "$t/fdom.html" || fail "funnel page lacks $s"
done
pagereqs "$t/fnet.json" && fail "the funnel page made a network request"
run "$t/fshot.json" --screenshot="$t/funnel.png" --window-size=800,1100 \
    "file://$t/funnel.html" >/dev/null || fail "chromium --screenshot funnel"
[ "$(head -c 4 "$t/funnel.png" | od -An -c | tr -d ' ')" = 211PNG ] ||
    fail "no funnel screenshot"
[ -z "$SAPIPE_SHOTS" ] || cp "$t/funnel.png" "$SAPIPE_SHOTS/funnel.png"
echo "screenshot: $t/funnel.png"

# sapriority's output with its model: the priority table and the
# harm x likelihood matrix, every placed issue a marker, no request.
sarender -f html --title 'Priorities: North' --model prio.model \
    -o "$t/matrix.html" priorities.csv || fail "sarender --model"
run "$t/mx.json" --dump-dom "file://$t/matrix.html" >"$t/mx-dom.html" ||
    fail "chromium matrix"
for s in '<svg class="matrix"' '<title>Violence</title>' \
    '<title>Knife crime</title>' '>4b</text>' '>Priority, issue</text>' \
    'Not in the matrix (no risk, or no score on an axis): ASB.'; do
	grep -qF -- "$s" "$t/mx-dom.html" || fail "matrix page lacks $s"
done
[ "$(grep -o '<g><title>' "$t/mx-dom.html" | wc -l)" = 6 ] || fail "want 6 markers"
pagereqs "$t/mx.json" && fail "the matrix page made a network request"
run "$t/mxshot.json" --screenshot="$t/matrix.png" --window-size=1000,1000 \
    "file://$t/matrix.html" >/dev/null || fail "chromium matrix --screenshot"
[ "$(head -c 4 "$t/matrix.png" | od -An -c | tr -d ' ')" = 211PNG ] || fail "no matrix screenshot"
[ -z "$SAPIPE_SHOTS" ] || cp "$t/matrix.png" "$SAPIPE_SHOTS/sarender-matrix.png"
echo "screenshot: $t/matrix.png"

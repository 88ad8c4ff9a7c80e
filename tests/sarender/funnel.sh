# --funnel: a funnel plot per indicator in the HTML, from the whole
# group's rows; the focus marked and labelled, the others with a hover
# title, members without a whole count and population left out and
# said so, counts under --suppress left out, a log scale for a wide
# spread, the rate's per on the axis; and the errors.
t=$(mktemp -d) || exit 1
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$1" "$t/out" || fail "no '$1' in the page"; }

sarender -f html --focus Dartford --funnel all funnel.csv >"$t/out" ||
    fail "sarender --funnel all"
[ "$(grep -c '<figure class="funnel">' "$t/out")" = 3 ] || fail "want 3 plots"
[ "$(grep -c '<svg class="fplot"' "$t/out")" = 2 ] || fail "want 2 drawn"
has '<figcaption>Funnel plot: Burglary, North Kent MSG</figcaption>'
has 'class="flabel">Dartford</text>'
has '<title>Dartford (focus area): 5.87 per 1,000, population 104,300, inside the limits</title>'
# 4,100 in 700,000 is 5.86 per 1,000 against 6.00: E = 4,200, the 95 %
# limits 4,073.0 and 4,327.0 (SciPy), so inside; Basildon's 1,500 in
# 182,000 against E = 1,092 is far above.
has '<title>&lt;b&gt;Big&lt;/b&gt; City: 5.86 per 1,000, population 700,000, inside the limits</title>'
has '<title>Basildon: 8.24 per 1,000, population 182,000, above the 99.8 % limit</title>'
has 'Population (log scale)'
has 'Left out: Halfyear (partial coverage); Nopop (no count or population).'
has 'the group&#39;s pooled rate (all its crimes over all its people), 6.00 per 1,000'
has 'Rate per 100,000'
has 'Only one member has a count and a population to plot: no funnel.'
grep -q '<title>Elsewhere' "$t/out" && fail "a member of another group is drawn"

# the Robbery populations differ by less than 5 times: a linear axis
sarender -f html --focus Dartford --funnel robbery -o "$t/out" funnel.csv ||
    fail "--funnel robbery"
[ "$(grep -c '<figure' "$t/out")" = 1 ] || fail "want the one plot asked for"
grep -q 'log scale' "$t/out" && fail "a log scale for a narrow spread"

# --suppress 5: Small Town's 3 is not drawn
sarender -f html --suppress 5 --funnel Burglary -o "$t/out" funnel.csv ||
    fail "--suppress"
has 'Small Town (a count withheld)'

# the table from one file, the plots from another
sarender -f html --funnel Burglary --funnel-data funnel.csv -o "$t/out" \
    ranked.csv || fail "--funnel-data"
has 'Funnel plot: Burglary'

# errors: 2 for usage, 1 for data, nothing on stdout
sarender --funnel all funnel.csv >"$t/out" 2>"$t/err"
[ $? = 2 ] && [ ! -s "$t/out" ] && grep -q 'only with -f html' "$t/err" ||
    fail "--funnel without -f html"
sarender -f html --funnel all <funnel.csv >"$t/out" 2>"$t/err"
[ $? = 2 ] && grep -q 'give --funnel-data FILE' "$t/err" ||
    fail "--funnel on stdin"
sarender -f html --funnel-data funnel.csv funnel.csv >"$t/out" 2>"$t/err"
[ $? = 2 ] || fail "--funnel-data alone"
sarender -f html --funnel 'Burglary,Arson' funnel.csv >"$t/out" 2>"$t/err"
[ $? = 1 ] && [ ! -s "$t/out" ] &&
    grep -q "funnel.csv has no indicator 'Arson'" "$t/err" ||
    fail "an indicator not in the data"
sed '3s/580/5x0/' funnel.csv >"$t/bad.csv"
sarender -f html --funnel all "$t/bad.csv" >"$t/out" 2>"$t/err"
[ $? = 1 ] && grep -q "bad.csv:3: column 'count': '5x0' is not a number" \
    "$t/err" || fail "a bad count: $(cat "$t/err")"
exit 0

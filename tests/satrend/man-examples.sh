# The EXAMPLES of man/satrend.1 run as written, in examples/, and give
# what they should.
TOOLS="csvclean crimerate satrend"
. "$TOP/tests/man-examples.inc"
run_examples satrend.1
[ "$n" = 2 ] || { echo "$n examples found, want 2"; exit 1; }
# North Kent's recorded crime: 24 months, charted on the first 12, and
# the rise of 2016 seen as a run above the mean and points outside.
[ "$(wc -l <"$TMPDIR/ex1.out")" = 24 ] || { echo "example 1: not 24 lines"; exit 1; }
grep -c ',2014-10..2015-09,1296.50,1028.81,1564.19,' "$TMPDIR/ex1.out" | grep -qx 24 ||
    { echo "example 1: not one baseline and limits"; exit 1; }
grep -q '^North Kent,Total recorded crime,2016-07,1647,.*,outside-high;run-high,increasing$' \
    "$TMPDIR/ex1.out" || { echo "example 1: no signal in July 2016"; exit 1; }
# Rates in trends.csv: a header and 21 months of every series.
f=$ex/trends.csv
[ -s "$f" ] || { echo "example 2: no trends.csv"; exit 1; }
head -1 "$f" | grep -q ',spc_baseline,spc_mean,spc_lpl,spc_upl,spc_signal,trend$' ||
    { echo "example 2: not the columns"; exit 1; }
grep -q '^North Kent,Violent crime,2016-07,674,211400,3.19,.*,2015-01..2015-12,2.328,1.888,2.768,outside-high;run-high,increasing$' \
    "$f" || { echo "example 2: North Kent's violence in July 2016"; exit 1; }
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "spc_baseline") c = i; next }
    !c || $c != "2015-01..2015-12" { bad = 1 } END { exit bad || !c }' "$f" ||
    { echo "example 2: a series without the baseline"; exit 1; }
exit 0

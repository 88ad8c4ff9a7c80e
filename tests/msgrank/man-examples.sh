# The EXAMPLES of man/msgrank.1 run as written, in examples/, and give
# what they should.
TOOLS="csvclean crimerate msgrank"
. "$TOP/tests/man-examples.inc"
run_examples msgrank.1
[ "$n" = 2 ] || { echo "$n examples found, want 2"; exit 1; }
# North Kent: a header and its 9 indicators, ranked of 15, adjusted.
[ "$(wc -l <"$TMPDIR/ex1.out")" = 10 ] || { echo "example 1: not 10 lines"; exit 1; }
grep -q '^North Kent,Total recorded crime,sa2016,.*,North Kent MSG,[0-9]*,15,' \
    "$TMPDIR/ex1.out" || { echo "example 1: no ranked North Kent row"; exit 1; }
head -1 "$TMPDIR/ex1.out" | grep -q ',adj_rate,adj_rank$' ||
    { echo "example 1: no adjusted rank"; exit 1; }
# Every member and indicator ranked by change: 15 x 9 rows.
[ "$(wc -l <"$TMPDIR/ex2.out")" = 136 ] || { echo "example 2: not 136 lines"; exit 1; }
grep -q "3 areas in no group, left out: 'Dartford', 'Gravesham', 'Kent'" \
    "$TMPDIR/ex2.err" || { echo "example 2: the areas in no group not reported"; exit 1; }
exit 0

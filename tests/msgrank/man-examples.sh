# The EXAMPLES of man/msgrank.1 run as written, in examples/, and give
# what they should.
TOOLS="csvclean crimerate msgrank"
. "$TOP/tests/man-examples.inc"
run_examples msgrank.1
[ "$n" = 2 ] || { echo "$n examples found, want 2"; exit 1; }
# North Kent: a header and its 9 indicators, ranked of 15, adjusted.
[ "$(wc -l <"$TMPDIR/ex1.out")" = 10 ] || { echo "example 1: not 10 lines"; exit 1; }
grep -q '^Total recorded crime,82.85,[0-9]*,15,' \
    "$TMPDIR/ex1.out" || { echo "example 1: no ranked North Kent row"; exit 1; }
head -1 "$TMPDIR/ex1.out" | grep -q ',adj_rate,adj_rank$' ||
    { echo "example 1: no adjusted rank"; exit 1; }
# Every member ranked by its change in recorded crime, 1 to 15.
[ "$(cut -d, -f4 "$TMPDIR/ex2.out" | sort -n | tr '\n' ' ')" = \
    "1 2 3 4 5 6 7 8 9 10 10 12 13 14 15 " ] || { echo "example 2: not 15 ranked"; exit 1; }
grep -q "3 areas in no group, left out: 'Dartford', 'Gravesham', 'Kent'" \
    "$TMPDIR/ex2.err" || { echo "example 2: the areas in no group not reported"; exit 1; }
exit 0

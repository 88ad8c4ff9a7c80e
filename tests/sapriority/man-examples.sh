# The EXAMPLES of man/sapriority.1 run as written, in examples/, and give
# the output they show.
TOOLS="csvclean crimerate msgrank sarender sapriority"
. "$TOP/tests/man-examples.inc"
run_examples sapriority.1
[ "$n" = 3 ] || { echo "$n examples found, want 3"; exit 1; }
# The output shown under each command (the lines after it up to .Ed).
awk '/^\.Bd -literal/ { inb = 1; next } /^\.Ed/ { inb = 0; next }
    inb && /^\$ / { k++; more = /\\e$/; next }
    inb && more { more = /\\e$/; next }
    inb && k { print > (dir "/want" k) }' dir="$TMPDIR" "$TOP/man/sapriority.1"
for k in 2 3; do
	cmp "$TMPDIR/want$k" "$TMPDIR/ex$k.out" ||
	    { echo "example $k:"; diff "$TMPDIR/want$k" "$TMPDIR/ex$k.out"; exit 1; }
done
exit 0

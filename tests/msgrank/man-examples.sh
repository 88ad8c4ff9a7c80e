# The EXAMPLES of man/msgrank.1 run as written, in examples/ (or, before
# the worked example data is generated there, in a fresh copy of it).
set -u
for t in csvclean crimerate msgrank; do
	command -v $t >/dev/null || { echo "$t is not built yet"; exit 77; }
done
ex=$TOP/examples
if [ ! -d "$ex/data/street" ]; then
	command -v python3 >/dev/null || { echo "no python3 to make the example data"; exit 77; }
	ex=$TMPDIR/examples
	python3 "$TOP/examples/gen/make-example.py" --out "$ex" >/dev/null ||
	    { echo "make-example.py failed"; exit 1; }
fi
# Each "$ " line with its "\e" continuations is one command.
awk '/^\$ / { cmd = substr($0, 3); more = /\\e$/; if (!more) print cmd; next }
    more { cmd = cmd "\n" $0; more = /\\e$/; if (!more) print cmd }' \
    "$TOP/man/msgrank.1" | sed 's/\\e$/\\/' >"$TMPDIR/cmds"
n=0
while :; do
	cmd=""
	while IFS= read -r l; do
		cmd="$cmd$l
"
		case $l in *\\) ;; *) break ;; esac
	done
	[ -n "$cmd" ] || break
	n=$((n + 1))
	(cd "$ex" && eval "$cmd") >"$TMPDIR/ex$n.out" 2>"$TMPDIR/ex$n.err" ||
	    { echo "example $n failed:"; echo "$cmd"; cat "$TMPDIR/ex$n.err"; exit 1; }
done <"$TMPDIR/cmds"
[ "$n" = 2 ] || { echo "$n examples found, want 2"; exit 1; }
# North Kent: a header and its 8 indicators, ranked of 15, adjusted.
[ "$(wc -l <"$TMPDIR/ex1.out")" = 9 ] || { echo "example 1: not 9 lines"; exit 1; }
grep -q '^North Kent,Total recorded crime,sa2016,.*,North Kent MSG,[0-9]*,15,' \
    "$TMPDIR/ex1.out" || { echo "example 1: no ranked North Kent row"; exit 1; }
head -1 "$TMPDIR/ex1.out" | grep -q ',adj_rate,adj_rank$' ||
    { echo "example 1: no adjusted rank"; exit 1; }
# Every member and indicator ranked by change: 15 x 8 rows.
[ "$(wc -l <"$TMPDIR/ex2.out")" = 121 ] || { echo "example 2: not 121 lines"; exit 1; }
grep -q "3 areas in no group, left out: 'Dartford', 'Gravesham', 'Kent'" \
    "$TMPDIR/ex2.err" || { echo "example 2: the areas in no group not reported"; exit 1; }
exit 0

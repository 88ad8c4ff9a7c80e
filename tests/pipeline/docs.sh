# Docs that never lie: every command shown in README.md (```sh blocks) and
# in the EXAMPLES of every man page (.Bd -literal blocks) runs as written,
# in order, from a copy of examples/, under bash with pipefail.
#   - a command is a line starting "$ ", with the lines that follow while
#     one ends in "\" (man: "\e") or "|";
#   - it must exit 0, or N when its last line ends "# exits N"; a pipeline
#     cut short by head (status 141, SIGPIPE) counts as 0;
#   - lines after it, up to the next "$ " or the block's end, are its
#     expected standard output, compared exactly; a last line "..." means
#     only that much of the start is shown;
#   - README: a block preceded by "<!-- not run: WHY -->" is skipped (and
#     reported); one whose first command is "make demo" runs the demo as
#     the Makefile does (sh examples/demo.sh BUILD); a ```sh block with no
#     "$ " line is an error (mark it, or add the prompt).
set -u
for t in csvclean crimerate msgrank sarender bash; do
	command -v $t >/dev/null || { echo "$t is not built yet"; exit 77; }
done
d=$(mktemp -d "$TMPDIR/docs.XXXXXX") && ex=$d/examples &&
    cp -R "$TOP/examples" "$ex" && rm -rf "$ex/out" || exit 1

# extract FILE KIND: one N.cmd (N.out, N.rc) per command in $d, numbered
# on from the files already there; prints how many it wrote.
extract() {
	awk -v kind="$2" -v dir="$d" -v n="$(ls "$d" | grep -c '[.]cmd$')" -v src="${1##*/}" '
	function flush() {
		if (cmd == "") return
		n++; f = sprintf("%s/%04d", dir, n)
		printf "%s\n", cmd > (f ".cmd"); close(f ".cmd")
		printf "%s:%d\n", src, at > (f ".where"); close(f ".where")
		if (out != "") { printf "%s", out > (f ".out"); close(f ".out") }
		rc = 0
		if (match(cmd, /# exits [0-9]+[ \t]*$/))
			rc = substr(cmd, RSTART + 8) + 0
		print rc > (f ".rc"); close(f ".rc")
		cmd = ""; out = ""; wrote++
	}
	function unesc(s) {
		if (kind != "man") return s
		gsub(/\\e/, "\\", s); gsub(/\\&/, "", s); gsub(/\\-/, "-", s)
		gsub(/\\\(aq/, "\047", s); gsub(/\\\(dq/, "\"", s)
		return s
	}
	kind == "md" && /^<!-- not run/ { skipnext = 1; why = $0; next }
	kind == "md" && !inb && /^```sh[ \t]*$/ {
		inb = 1; prompts = 0; skip = skipnext; skipnext = 0; start = NR
		if (skip) { sub(/^<!-- not run: */, "", why); sub(/ *-->.*/, "", why)
			printf "not run: %s:%d: %s\n", src, NR, why > "/dev/stderr" }
		next }
	kind == "md" && !inb { skipnext = skipnext && /^[ \t]*$|^<!--/; next }
	kind == "man" && /^\.Sh / { inex = ($2 == "EXAMPLES"); next }
	kind == "man" && inex && /^\.Bd -literal/ { inb = 1; prompts = 0; start = NR; next }
	kind == "man" && !inb { next }
	(kind == "md" && /^```/) || (kind == "man" && /^\.Ed/) {
		if (!skip) flush()
		if (!skip && !prompts && kind == "md") {
			printf "%s:%d: a sh block with no \"$ \" command\n", src, start > "/dev/stderr"
			bad = 1 }
		inb = 0; skip = 0; more = 0; next }
	skip { next }
	{ line = unesc($0) }
	more { cmd = cmd "\n" line; more = line ~ /(\\|\|)[ \t]*$/; next }
	/^\$ / { flush(); prompts++; at = NR; cmd = substr(line, 3)
		more = line ~ /(\\|\|)[ \t]*$/; next }
	cmd != "" { out = out line "\n" }
	END { print wrote + 0; exit bad }' "$1"
}

nreadme=$(extract "$TOP/README.md" md) || { echo "README.md: bad blocks"; exit 1; }
[ "$nreadme" -ge 10 ] || { echo "README.md: only $nreadme commands found"; exit 1; }
for m in "$TOP"/man/*.[1-9]; do
	k=$(extract "$m" man) || exit 1
	[ "$k" -ge 1 ] || { echo "${m##*/}: no command in its EXAMPLES"; exit 1; }
done

fails=0 total=0
for c in "$d"/*.cmd; do
	b=${c%.cmd} total=$((total + 1))
	if [ "$(cat "$c")" = "make demo" ]; then
		(cd "$TOP" && sh examples/demo.sh "$BUILD")
	else
		(cd "$ex" && exec bash -c 'set -o pipefail; eval "$(cat "$1")"' - "$c")
	fi </dev/null >"$b.got" 2>"$b.err"
	rc=$?
	[ $rc = 141 ] && rc=0
	why=""
	[ "$rc" = "$(cat "$b.rc")" ] || why="exit $rc, want $(cat "$b.rc")"
	if [ -f "$b.out" ]; then
		if [ "$(tail -n 1 "$b.out")" = "..." ]; then
			sed '$d' "$b.out" >"$b.want"
			head -n "$(wc -l <"$b.want")" "$b.got" >"$b.cut"
			cmp -s "$b.want" "$b.cut" || why="$why${why:+; }output differs"
		else
			cp "$b.out" "$b.want" && cp "$b.got" "$b.cut"
			cmp -s "$b.want" "$b.got" || why="$why${why:+; }output differs"
		fi
	fi
	[ -n "$why" ] || continue
	fails=$((fails + 1))
	echo "$(cat "$b.where"): $why"
	sed 's/^/    $ /' "$c"
	[ ! -f "$b.want" ] || diff -u "$b.want" "$b.cut" | head -20 | sed 's/^/    /'
	head -5 "$b.err" | sed 's/^/    stderr: /'
done
echo "$total documented commands run, $fails failed"
[ $fails = 0 ]

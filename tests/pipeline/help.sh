# --help in every tool: the synopsis (the same one an unknown option
# prints on stderr), one line per option, then the page to read; exit 0,
# nothing on stderr. Every option in the man page's SYNOPSIS has a line
# in --help, every line names an option of the SYNOPSIS, and the option
# parser knows every option --help lists.
set -u
tmp=$(mktemp -d "$TMPDIR/help.XXXXXX") || exit 1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# The options of man/TOOL.1's SYNOPSIS, one a line: "Fl hv" is -h and
# -v, "Fl \-by" (or "Fl -by") is --by, and "| \-merge" inside an
# alternative is --merge.
synopsis() {
	awk '/^\.Sh SYNOPSIS/ { on = 1; next } /^\.Sh/ { on = 0 } !on { next }
	{ gsub(/\\-/, "-")
	  for (i = 1; i < NF; i++) {
		a = $(i + 1)
		if ($i == "Fl" && a ~ /^-/) print "-" a
		else if ($i == "Fl") for (j = 1; j <= length(a); j++)
			print "-" substr(a, j, 1)
		else if ($i == "|" && a ~ /^-/) print "-" a
	  } }' "$TOP/man/$1.1" | sort -u
}

for t in csvclean crimerate msgrank sapriority sarender satrend; do
	command -v $t >/dev/null || { echo "$t is not built yet"; exit 77; }
	$t --help >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" = 0 ] || fail "$t --help: exit $rc"
	[ ! -s "$tmp/err" ] || fail "$t --help: stderr: $(head -1 "$tmp/err")"
	[ "$(tail -1 "$tmp/out")" = "See $t(1)." ] ||
	    fail "$t --help: does not end 'See $t(1).'"
	$t -h | cmp -s - "$tmp/out" || fail "$t -h differs from --help"
	# the synopsis is the usage an unknown option prints
	$t --no-such-option >/dev/null 2>"$tmp/usage"
	[ $? = 2 ] || fail "$t --no-such-option: not exit 2"
	grep -v 'unrecognized option' "$tmp/usage" >"$tmp/usage2"
	sed '/^$/,$d' "$tmp/out" | cmp -s - "$tmp/usage2" ||
	    fail "$t: --help's synopsis is not the usage on stderr"
	# the option lines: "  -h, --help  ..." gives -h and --help
	sed '1,/^$/d' "$tmp/out" | grep '^  -' >"$tmp/lines"
	[ -s "$tmp/lines" ] || fail "$t --help: no option lines"
	awk '{ for (i = 1; i <= NF && $i ~ /^-/; i++) {
		o = $i; sub(/,$/, "", o); printf "%s ", o
		if ($i !~ /,$/) break }
	    print "" }' "$tmp/lines" >"$tmp/names"
	synopsis $t >"$tmp/syn"
	[ -s "$tmp/syn" ] || fail "$t.1: no options in its SYNOPSIS"
	while read -r o; do
		grep -qE -- "(^| )$o( |$)" "$tmp/names" ||
		    fail "$t: $o is in the SYNOPSIS of $t.1 but not in --help"
	done <"$tmp/syn"
	while read -r names; do
		hit=0
		for o in $names; do
			grep -qxF -- "$o" "$tmp/syn" && hit=1
			# the parser knows it (after it, --help still runs)
			$t "$o" x --help >/dev/null 2>"$tmp/perr"
			! grep -qE 'unrecognized option|invalid option' \
			    "$tmp/perr" || fail "$t does not know $o"
		done
		[ $hit = 1 ] || fail "$t --help: $names is not in the SYNOPSIS of $t.1"
	done <"$tmp/names"
done
rm -rf "$tmp"
[ $fails = 0 ]

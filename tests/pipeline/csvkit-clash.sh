# Another tool named csvclean first on the PATH (csvkit's, here a stand-in
# that answers --version as csvkit does): examples/sa.sh must not run it.
# With no sapipe build to hand it stops, naming the tool and what to do;
# with SAPIPE_BIN it runs sapipe's tools and makes the table.
set -u
for t in csvclean crimerate msgrank sarender bash; do
	command -v $t >/dev/null || { echo "$t is not built yet"; exit 77; }
done
d=$(mktemp -d "$TMPDIR/clash.XXXXXX") || exit 1
mkdir "$d/fake" && cp -R "$TOP/examples" "$d/examples" && rm -rf "$d/examples/out" || exit 1
cat >"$d/fake/csvclean" <<'X'
#!/bin/sh
case $1 in --version) echo 1.0.7; exit 0 ;; esac
echo "csvclean: error: unrecognized arguments: $*" >&2
exit 2
X
chmod +x "$d/fake/csvclean"
fail() { echo "FAIL: $*"; exit 1; }

PATH=$d/fake:$PATH SAPIPE_BIN= bash "$d/examples/sa.sh" "$d/out1" \
    >"$d/o1" 2>"$d/e1" && fail "ran with csvkit's csvclean first on the PATH"
grep -q "sa.sh: '$d/fake/csvclean' is not sapipe's csvclean" "$d/e1" ||
    { cat "$d/e1"; fail "no message naming the other csvclean"; }
grep -q SAPIPE_BIN "$d/e1" || fail "the message does not say what to do"
[ ! -s "$d/o1" ] || fail "wrote a table"

PATH=$d/fake:$PATH SAPIPE_BIN=$BUILD bash "$d/examples/sa.sh" "$d/out2" \
    >"$d/o2" 2>"$d/e2" || { cat "$d/e2"; fail "SAPIPE_BIN: exit $?"; }
grep -q '^Total recorded crime' "$d/o2" || fail "SAPIPE_BIN: no table"
exit 0

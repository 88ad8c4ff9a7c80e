# -e takes the common spellings of each encoding, in any case.
set -u
t=$(mktemp -d "$TMPDIR/enc.XXXXXX") || exit 1
trap 'rm -rf "$t"' EXIT
printf 'a\nCaf\351 \200\n' >"$t/w.csv"
printf 'a\nCaf\303\251 \342\202\254\n' >"$t/want1252"
printf 'a\nCaf\303\251 \302\200\n' >"$t/wantlatin"
for e in cp1252 CP1252 windows-1252 Windows-1252 win-1252 cp-1252; do
	csvclean -e "$e" "$t/w.csv" | cmp -s - "$t/want1252" || { echo "-e $e"; exit 1; }
done
for e in latin1 latin-1 LATIN-1 iso-8859-1 ISO-8859-1 iso8859-1 l1; do
	csvclean -e "$e" "$t/w.csv" | cmp -s - "$t/wantlatin" || { echo "-e $e"; exit 1; }
done
printf 'a\nCaf\303\251\n' >"$t/u.csv"
for e in utf-8 UTF-8 utf8 UTF8; do
	csvclean -e "$e" "$t/u.csv" | cmp -s - "$t/u.csv" || { echo "-e $e"; exit 1; }
done
exit 0

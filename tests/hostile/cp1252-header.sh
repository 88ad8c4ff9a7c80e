# Regression: with -e cp1252, a header byte that Windows-1252 leaves
# undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) was ignored and the name cut;
# it must be exit 1 naming the header column and the byte, as for data
# rows (cp1252-undefined).
. ./common.inc
need csvclean
printf 'ab\201,c\n1,2\n' >"$t/h.csv"
expect 1 "h.csv:1:" csvclean -e cp1252 "$t/h.csv"
done_

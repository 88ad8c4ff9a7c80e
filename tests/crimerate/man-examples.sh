# The EXAMPLES of man/crimerate.1 run as written, in examples/, and give
# what they should.
TOOLS="csvclean crimerate"
. "$TOP/tests/man-examples.inc"
run_examples crimerate.1
[ "$n" = 7 ] || { echo "$n examples found, want 7"; exit 1; }
# The headline figures of examples/README.md, computed there independently.
cat >"$TMPDIR/want" <<'X'
Dartford,Total recorded crime,sa2016,9110,105100,86.68,7962,77.00,1148,14.4,1000,1.000,1.000,8.9,15.7,4.663e-14,up,103400,population,count,,,,
Gravesham,Total recorded crime,sa2016,8405,106300,79.07,7596,72.00,809,10.7,1000,1.000,1.000,6.2,13.0,9.447e-09,up,105500,population,count,,,,
Kent,Total recorded crime,sa2016,134575,1819700,73.95,122096,67.90,12479,10.2,1000,1.000,1.000,7.8,9.5,3.648e-97,up,1798100,population,count,,,,
North Kent,Total recorded crime,sa2016,17515,211400,82.85,15558,74.48,1957,12.6,1000,1.000,1.000,8.6,13.4,4.000e-21,up,208900,population,count,,,,
X
grep -E '^(Dartford|Gravesham|Kent|North Kent),' "$TMPDIR/ex1.out" |
    diff "$TMPDIR/want" - || { echo "example 1: not the headline figures"; exit 1; }
[ "$(wc -l <"$TMPDIR/ex4.out")" = 4 ] || { echo "example 4: not 4 lines"; exit 1; }
head -1 "$TMPDIR/ex4.out" | grep -q '^area,category,period,count,' ||
    { echo "example 4: no header"; exit 1; }
grep -qx 'Dartford,Total recorded crime,fy2016/17,4905,,,8485,,,,1000,0.500,1.000,,,,,,,count,,,,' \
    "$TMPDIR/ex7.out" || { echo "example 7: not half a year"; exit 1; }
# the 12 months to 2016-09 are sa2016: the same count, rate and change
grep -qx '12m:2016-09,17515,211400,82.85,15558,12.6' "$TMPDIR/ex5.out" ||
    { echo "example 5: the 12 months to 2016-09 are not sa2016"; exit 1; }
# months counted in Python from the cleaned street records
printf '2016-07,1647,1459,12.9\n2016-08,1588,1441,10.2\n2016-09,1514,1349,12.2\n' |
    diff - "$TMPDIR/ex6.out" || { echo "example 6: not the recount"; exit 1; }
rm -f /tmp/part1.csv /tmp/part2.csv
exit 0

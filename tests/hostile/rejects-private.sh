# --rejects is as safe as the output: under council-asb no officer, no
# notes, no full postcode, and UTF-8 (not the export's Windows-1252),
# whatever stage rejected the row (too many fields, an undefined byte,
# a bad date, an empty area, an unclosed quote); --safe-cells applies;
# raw rows only with --rejects-raw; --rejects naming an input or the
# output is refused before anything is truncated.
. ./common.inc
need csvclean
printf 'Case Ref,Date Reported,Incident Type,Ward,District,Postcode,Reporting Officer,Notes\r\n' >"$t/asb.csv"
printf 'A1,01/10/2014,Noise,Newtown,Dartford,DA1 2LG,Tom Ashby,ok\r\n' >>"$t/asb.csv"
printf 'A2,01/10/2014,Noise,Newtown,Dartford,DA1 2LG,Ren\351e Secret,bad \201 byte\r\n' >>"$t/asb.csv"
printf 'A3,01/10/2014,Noise,Newtown,Dartford,DA1 2LG,Ren\351e Secret,note,with a comma\r\n' >>"$t/asb.csv"
printf 'A4,01/13/2014,Noise,Newtown,Dartford,DA1 2LG,Ren\351e Secret,Secret note\r\n' >>"$t/asb.csv"
printf 'A5,01/10/2014,Noise,Newtown,,DA1 2LG,Ren\351e Secret,Secret note\r\n' >>"$t/asb.csv"
printf 'A6,01/10/2014,=1+1,Newtown,,DA1 2LG,Secret,x\r\n' >>"$t/asb.csv"
printf '"A7,01/10/2014,Noise,Newtown,Dartford,DA1 2LG,Secret,\r\n' >>"$t/asb.csv"
expect 0 "rejected 6" csvclean -p council-asb --max-rejects 100% --stats --safe-cells --rejects "$t/rej.csv" "$t/asb.csv"
cat >"$t/want" <<'END'
file,line,reason,date,area,category,id,incident,ward,postcode
END
f=$t/asb.csv
cat >>"$t/want" <<END
$f,3,column 'Notes': byte 0x81 is not cp1252,01/10/2014,Dartford,ASB (council),A2,Noise,Newtown,DA1 2
$f,4,9 fields where the header has 8,01/10/2014,Dartford,ASB (council),A3,Noise,Newtown,DA1 2
$f,5,column 'date': '01/13/2014' is not a date (format %d/%m/%Y),01/13/2014,Dartford,ASB (council),A4,Noise,Newtown,DA1 2
$f,6,column 'area' is empty,2014-10-01,,ASB (council),A5,Noise,Newtown,DA1 2
$f,7,column 'area' is empty,2014-10-01,,ASB (council),A6,'=1+1,Newtown,DA1 2
$f,8,quoted field not closed before the end of input,,,ASB (council),,,,
END
cmp -s "$t/want" "$t/rej.csv" || { echo "FAIL: council-asb rejects differ"; diff "$t/want" "$t/rej.csv"; fails=$((fails + 1)); }
cut -d, -f2- "$t/rej.csv" | grep -q 'Secret\|Tom\|2LG' && { echo "FAIL: private text in the rejects file"; fails=$((fails + 1)); }
iconv -f UTF-8 -t UTF-8 "$t/rej.csv" >/dev/null 2>&1 || { echo "FAIL: rejects file not UTF-8"; fails=$((fails + 1)); }
# --redact given on the command line, the column not selected, blank
# and mask modes, without -e: bytes that are not UTF-8 shown as U+FFFD
printf 'id,name,note\n1,Ann,ok\n2,Bob\377,x,y\n3,,\000\n' >"$t/n.csv"
expect 0 "rejected 2" csvclean --redact name=mask --max-rejects 9 --stats --rejects "$t/rej2.csv" "$t/n.csv"
printf 'file,line,reason,id,name,note\n%s,3,4 fields where the header has 3,2,[redacted],x\n%s,4,column '"'"'note'"'"': NUL byte,3,,\357\277\275\n' "$t/n.csv" "$t/n.csv" >"$t/want2"
cmp -s "$t/want2" "$t/rej2.csv" || { echo "FAIL: mask rejects differ"; diff "$t/want2" "$t/rej2.csv"; fails=$((fails + 1)); }
expect 0 "rejected 2" csvclean --select id,note --max-rejects 9 --stats --rejects "$t/rej3.csv" "$t/n.csv"
# (the values only: the file column holds a random temporary path)
cut -d, -f2- "$t/rej3.csv" | grep -q 'Bob' && { echo "FAIL: a column not selected is in the rejects"; fails=$((fails + 1)); }
printf 'file,line,reason,id,note\n' | cmp -s - "$(head -1 "$t/rej3.csv" >"$t/h3"; echo "$t/h3")" || { echo "FAIL: rejects header"; fails=$((fails + 1)); }
# --rejects-raw: as read, by explicit choice
expect 0 "rejected 6" csvclean -p council-asb --max-rejects 100% --stats --rejects "$t/raw.csv" --rejects-raw "$t/asb.csv"
head -1 "$t/raw.csv" | grep -qx 'file,line,reason,record' || { echo "FAIL: raw header"; fails=$((fails + 1)); }
grep -q 'Secret' "$t/raw.csv" || { echo "FAIL: --rejects-raw lost the raw record"; fails=$((fails + 1)); }
# no header read at all: the rejects file still has one
: >"$t/empty.csv"
expect 1 "empty" csvclean --rejects "$t/rej4.csv" "$t/empty.csv"
same "$t/rej4.csv" 'file,line,reason\n'
# --rejects naming an input (also through a link) or the output
cp "$t/n.csv" "$t/keep.csv"
expect 2 "--rejects $t/keep.csv: is the input file" csvclean --rejects "$t/keep.csv" "$t/n.csv" "$t/keep.csv"
ln -s keep.csv "$t/keep.link"
expect 2 "is the input file" csvclean --rejects "$t/keep.link" "$t/keep.csv"
cmp -s "$t/n.csv" "$t/keep.csv" || { echo "FAIL: an input truncated by --rejects"; fails=$((fails + 1)); }
expect 2 "is the input file <stdin>" csvclean --rejects "$t/keep.csv" <"$t/keep.csv"
expect 2 "is the input file <stdin>" csvclean --rejects "$t/keep.csv" "$t/n.csv" - <"$t/keep.csv"
cmp -s "$t/n.csv" "$t/keep.csv" || { echo "FAIL: the standard input truncated by --rejects"; fails=$((fails + 1)); }
expect 2 "is the output file" csvclean -o "$t/o.csv" --rejects "$t/o.csv" "$t/n.csv"
check "no output made" ! -e "$t/o.csv"
done_

# --rejects keeps each rejected row's line, reason and values as the
# output would show them (its columns, UTF-8); --rejects-raw the record as
# read; the numbers of --stats add up.
set -e
t=$TMPDIR/rej.$$
printf 'a,b\n1,2\n"x\ny",2,3\nok,ok\n1,\351\n' >"$t.in"
csvclean --rejects "$t" --rejects-raw --stats --max-rejects 2 <"$t.in" >"$t.out" 2>"$t.err"
printf 'a,b\n1,2\nok,ok\n' | cmp - "$t.out"
cat >"$t.want" <<'END'
file,line,reason,record
<stdin>,3,3 fields where the header has 2 (a stray quote?),"""x
y"",2,3"
END
printf '%s,"1,\351"\n' "<stdin>,6,column 'b': byte 1 (0xE9) is not UTF-8 (try -e cp1252)" >>"$t.want"
cmp "$t.want" "$t"
grep -q 'read 4, written 2, rejected 2, duplicates 0, blank 0, headers 0' "$t.err"
csvclean --rejects "$t" --stats --max-rejects 2 <"$t.in" >"$t.out" 2>"$t.err"
printf 'a,b\n1,2\nok,ok\n' | cmp - "$t.out"
cat >"$t.want" <<'END'
file,line,reason,a,b
<stdin>,3,3 fields where the header has 2 (a stray quote?),"x
y",2
<stdin>,6,column 'b': byte 1 (0xE9) is not UTF-8 (try -e cp1252),1,�
END
cmp "$t.want" "$t"
grep -q 'read 4, written 2, rejected 2, duplicates 0, blank 0, headers 0' "$t.err"

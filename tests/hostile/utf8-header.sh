# Invalid UTF-8 in a header: an error naming the column (and -e).
. ./common.inc
need csvclean
printf 'id,na\377me\n1,x\n' >"$t/u.csv"
expect 1 "u.csv:1: header column 2 is not UTF-8 (try -e cp1252)" csvclean "$t/u.csv"
check "no stdout" ! -s "$t/out"
printf 'id,Caf\351\n1,x\n' >"$t/l.csv"
expect 0 "" csvclean -e cp1252 "$t/l.csv"
same "$t/out" 'id,Caf\303\251\n1,x\n'
done_

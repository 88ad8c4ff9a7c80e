# csvclean --excel: the UTF-8 byte order mark first, in the output and
# the rejects file, and every cell a spreadsheet would run (header names
# too) written as text, an apostrophe before it and the whole quoted;
# numbers such as -5 and +7 stay numbers. Byte for byte.
. ./common.inc
need csvclean
printf '=h,b\n=1+1,@SUM(A1)\n+cmd|x,-2+3\n-5,+7\n"=HYPERLINK(""http://e"")",ok\n3\n' >"$t/s.csv"
expect 1 "1 of 5 rows rejected" csvclean --excel --rejects "$t/rej.csv" "$t/s.csv"
same "$t/out" "\357\273\277\"'=h\",b\n\"'=1+1\",\"'@SUM(A1)\"\n\"'+cmd|x\",\"'-2+3\"\n-5,+7\n\"'=HYPERLINK(\"\"http://e\"\")\",ok\n"
same "$t/rej.csv" "\357\273\277file,line,reason,\"'=h\",b\n$t/s.csv,6,1 fields where the header has 2,3,\n"
# --safe-cells alone: the apostrophe, no byte order mark, quotes only
# where RFC 4180 needs them
expect 0 "1 fields where the header has 2" csvclean --safe-cells --max-rejects 1 "$t/s.csv"
same "$t/out" "'=h,b\n'=1+1,'@SUM(A1)\n'+cmd|x,'-2+3\n-5,+7\n\"'=HYPERLINK(\"\"http://e\"\")\",ok\n"
done_

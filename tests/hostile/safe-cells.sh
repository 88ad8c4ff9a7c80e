# --safe-cells: cells that a spreadsheet would run as formulas ('=', '+',
# '-', '@' not starting a plain number, TAB, CR) get a leading quote;
# numbers such as -5 and +7 stay numbers (a leading TAB is trimmed away
# unless --no-trim). Without the flag, nothing changes.
. ./common.inc
need csvclean
printf 'a,b\n=1+1,@SUM(A1)\n+cmd|x,-2+3\n-5,+7\n"\tx","=HYPERLINK(""http://e"")"\n' >"$t/s.csv"
expect 0 "" csvclean --safe-cells "$t/s.csv"
same "$t/out" "a,b\n'=1+1,'@SUM(A1)\n'+cmd|x,'-2+3\n-5,+7\nx,\"'=HYPERLINK(\"\"http://e\"\")\"\n"
expect 0 "" csvclean --safe-cells --no-trim --select a "$t/s.csv"
same "$t/out" "a\n'=1+1\n'+cmd|x\n-5\n'\tx\n"
expect 0 "" csvclean "$t/s.csv"
same "$t/out" 'a,b\n=1+1,@SUM(A1)\n+cmd|x,-2+3\n-5,+7\nx,"=HYPERLINK(""http://e"")"\n'
done_

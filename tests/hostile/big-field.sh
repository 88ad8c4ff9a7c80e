# A 10 MiB field: over the default --max-field (1 MiB) it is a reject,
# not a crash; with --max-field raised it passes whole.
. ./common.inc
need csvclean
{ echo a,b; printf '1,'; head -c 10485760 /dev/zero | tr '\0' x; printf '\n2,y\n'; } >"$t/big.csv"
expect 1 "big.csv:2: field longer than --max-field (1048576 bytes)" csvclean "$t/big.csv"
same "$t/out" 'a,b\n2,y\n'
expect 0 "" csvclean --max-field 20000000 "$t/big.csv"
check "10 MiB field written whole" "$(wc -c <"$t/out")" = $((4 + 2 + 10485760 + 1 + 4))
done_

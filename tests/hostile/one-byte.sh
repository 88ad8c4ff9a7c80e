# Regression: when the first read(2) of an input returned one byte, the
# gzip sniffing in lib/input.c served that byte back to itself and spun
# for ever (a one-byte file, or a pipe whose first write is one byte).
. ./common.inc
need csvclean
printf 'x' >"$t/one.csv"
expect 0 "" timeout 5 csvclean "$t/one.csv"
check "one-byte file: no hang (124 is the timeout)" "$rc" != 124
(printf d; sleep 1; printf 'ate,x\n2016,1\n') | timeout 5 csvclean >"$t/out" 2>&1
rc=$?
check "pipe whose first write is one byte: exit 0, got $rc" "$rc" = 0
done_

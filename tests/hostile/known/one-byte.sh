# KNOWN BUG (lib/input.c start()): when the first read(2) of an input
# returns one byte, rawread() serves that byte from in->pre back into
# in->pre and start() never leaves its loop: csvclean spins for ever on a
# one-byte file or on a pipe whose writer's first write is one byte.
# Not in the suite (tests/run does not look in known/) until fixed.
. ../common.inc
need csvclean
printf 'x' >"$t/one.csv"
expect 1 "" timeout 5 csvclean "$t/one.csv"
check "one-byte file: no hang (124 is the timeout)" "$rc" != 124
(printf d; sleep 1; printf 'ate,x\n2016,1\n') | timeout 5 csvclean >"$t/out" 2>&1
rc=$?
check "pipe whose first write is one byte: exit 0, got $rc" "$rc" = 0
done_

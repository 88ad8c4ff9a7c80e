# A --map regex that backtracks catastrophically, (a+)+$ on 5000 a's and
# a b: PCRE2's match limit makes it a reject with a clear message, in
# well under the timeout, never a hang.
. ./common.inc
need csvclean
{ echo x; head -c 5000 /dev/zero | tr '\0' a; echo b; echo aaa; } >"$t/re.csv"
expect 1 "re.csv:2: column 'x': regular expression: match limit exceeded" timeout 10 csvclean --map 'x/(a+)+$/y/' "$t/re.csv"
same "$t/out" 'x\ny\n'
done_

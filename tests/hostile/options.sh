# Option and profile text is UTF-8 or a usage error naming the option
# (it goes into every row, and into PCRE2, told its subject is valid
# UTF-8); --max-rejects takes a whole count or a percentage from 0 to
# 100, never inf, nan, 1e19 or hex.
. ./common.inc
need csvclean
printf 'a,x\n1,2\n' >"$t/s.csv"
e9=$(printf '\351') ff=$(printf '\377')
expect 2 "--set: byte 8 (0xE9) of the value is not UTF-8" csvclean --set "src=Caf$e9" "$t/s.csv"
check "--set not UTF-8: no output" ! -s "$t/out"
expect 2 "--set: byte 3 (0xFF)" csvclean --set "x=$ff" --map 'x/\X/Z/g' "$t/s.csv"
expect 2 "--map: byte 3 (0xFF)" csvclean --map "x/$ff/Z/g" "$t/s.csv"
expect 2 "--map: byte 5 (0xFF)" csvclean --map "x/2/$ff/g" "$t/s.csv"
expect 2 "--derive: byte 2" csvclean --derive "y$ff=x" "$t/s.csv"
expect 2 "--rename: byte 4" csvclean --rename "x=x$e9" "$t/s.csv"
expect 2 "--select: byte 2" csvclean --select "x$e9" "$t/s.csv"
expect 2 "--date: byte 3" csvclean --date "x=$e9%Y" "$t/s.csv"
expect 2 "--require: byte 1" csvclean --require "$e9" "$t/s.csv"
expect 2 "--redact: byte 2" csvclean --redact "x$e9" "$t/s.csv"
expect 2 "--dedup: byte 1" csvclean --dedup "$ff" "$t/s.csv"
expect 2 "--set: byte 5" csvclean -e cp1252 --set "src=$e9" "$t/s.csv"
# valid UTF-8 text, \X on it: fine
expect 0 "" csvclean --set "x=Café" --map 'x/\X/Z/g' "$t/s.csv"
same "$t/out" 'a,x\n1,ZZZZ\n'
# a profile line
printf 'set src=Caf\351\n' >"$t/p"
expect 2 "p:1: byte 12 (0xE9) is not UTF-8" csvclean -p "$t/p" "$t/s.csv"
# --max-rejects
for v in inf INF 1e19 'nan%' nan 'inf%' '101%' -1 2.5 0x10 ' 5' '' '%' 1e400 'x'; do
	expect 2 "--max-rejects: invalid value" csvclean --max-rejects "$v" "$t/s.csv"
done
for v in 0 5 1e3 '0%' '2.5%' '100%' 9007199254740992; do
	expect 0 "" csvclean --max-rejects "$v" "$t/s.csv"
done
# a count is exact: 3 rejects and --max-rejects 3 passes, 2 fails
printf 'a,x\n1\n2\n3\n4,4\n' >"$t/r.csv"
expect 0 "1 fields where the header has 2" csvclean --max-rejects 3 "$t/r.csv"
expect 1 "3 of 4 rows rejected" csvclean --max-rejects 2 "$t/r.csv"
done_

# Headers met again and names met twice, never silent wrong output:
# a repeated header after a second byte-order mark (cat a.csv b.csv, both
# saved with one) is dropped as a header; a data row of the header's
# names in another order stops the run (exit 1) instead of reordering
# every row after it; --join-extra in a file of another column order
# joins into that file's last column; --select naming one column twice
# is a usage error; crimerate refuses two columns of one name.
. ./common.inc
need csvclean crimerate
bom=$(printf '\357\273\277')
printf '%sdate,area\n2016-01,A\n' "$bom" >"$t/a.csv"
printf '%sdate,area\n2016-02,B\n' "$bom" >"$t/b.csv"
cat "$t/a.csv" "$t/b.csv" "$t/b.csv" >"$t/ab.csv"
expect 0 "read 5, written 3, rejected 0, duplicates 0, blank 0, headers 2" csvclean --stats "$t/ab.csv"
same "$t/out" 'date,area\n2016-01,A\n2016-02,B\n2016-02,B\n'
cat "$t/a.csv" "$t/b.csv" | expect 0 "headers 1" csvclean --stats
# with spaces and another case, and on a gzip stream
printf '%s Date , AREA\n2016-03,C\n' "$bom" >"$t/c.csv"
cat "$t/a.csv" "$t/c.csv" | gzip >"$t/ac.gz"
expect 0 "headers 1" csvclean --stats "$t/ac.gz"
same "$t/out" 'date,area\n2016-01,A\n2016-03,C\n'
# a BOM inside a data value is data
printf 'a,b\n%sx,y\n' "$bom" >"$t/d.csv"
expect 0 "written 1" csvclean --stats "$t/d.csv"
same "$t/out" "a,b\n${bom}x,y\n"

# a data row that is the names in another order: an error, every time
printf 'name,nickname\nRobert,Bob\nnickname,name\nWilliam,Bill\n' >"$t/n.csv"
expect 1 "n.csv:3: a row of the header's names in another order" csvclean "$t/n.csv"
mkdir "$t/o"
expect 1 "n.csv:3" csvclean -o "$t/o/out.csv" "$t/n.csv"
check "-o: nothing left" -z "$(ls -A "$t/o")"
printf 'a,b,c\n1,2,3\nC,a,B\n4,5,6\n' | expect 1 "<stdin>:3: a row of the header's names" csvclean
printf '%sarea,date\n2016-01,A\n' "$bom" | cat "$t/a.csv" - | expect 1 "<stdin>:3: a row of the header's names" csvclean
# ... also in a file that was itself reordered at its start
printf 'a,b\n1,2\n' >"$t/1.csv"
printf 'b,a\n4,3\na,b\n5,6\n' >"$t/2.csv"
expect 1 "2.csv:3: a row of the header's names in another order" csvclean "$t/1.csv" "$t/2.csv"
# the names repeated, some not names: data
printf 'name,nickname\nname,Bob\nnickname,nickname\n' >"$t/m.csv"
expect 0 "" csvclean "$t/m.csv"
same "$t/out" 'name,nickname\nname,Bob\nnickname,nickname\n'

# --join-extra and a later file in another order
printf 'a,b,c\n1,2,3\n' >"$t/j1.csv"
printf 'c,a,b\n3,1,2,2b\n30,10,20\n' >"$t/j2.csv"
expect 0 "" csvclean --join-extra "$t/j1.csv" "$t/j2.csv"
same "$t/out" 'a,b,c\n1,2,3\n1,"2,2b",3\n10,20,30\n'
printf 'b,c,a\n2,3,1,1b,1c\n' >"$t/j3.csv"
expect 0 "" csvclean --join-extra "$t/j1.csv" "$t/j3.csv"
same "$t/out" 'a,b,c\n1,2,3\n"1,1b,1c",2,3\n'

# --select naming a column twice
printf 'a,b\n1,2\n' >"$t/s.csv"
expect 2 "--select: 'a' and 'A' are the same column" csvclean --select a,A "$t/s.csv"
expect 2 "--select: 'b' and ' b ' are the same column" csvclean --select "b,a, b " "$t/s.csv"
expect 2 "--select: 'x' and 'X' are the same column" csvclean --set x=1 --select x,a,X "$t/s.csv"
check "--select twice: no output" ! -s "$t/out"
expect 0 "" csvclean --select b,a "$t/s.csv"
same "$t/out" 'b,a\n2,1\n'

# crimerate: two columns of one name, in the data and in a lookup
printf 'date,area,category,Area,count\n2016-01,A,x,B,1\n' >"$t/r.csv"
expect 1 "r.csv:1: columns 2 'area' and 4 'Area' have the same name" crimerate "$t/r.csv"
printf 'date,area,category,count\n2016-01,A,x,1\n' >"$t/r2.csv"
printf 'area,population,population\nA,100,200\n' >"$t/pop.csv"
expect 1 "pop.csv:1: columns 2 'population' and 3 'population'" crimerate --population "$t/pop.csv" "$t/r2.csv"
done_

# Regression (found by the num fuzz target): a rate of 10^70 made
# num_fmt() return more than it wrote and msgrank print stack bytes.
. ./common.inc
need msgrank
z=1$(printf '%070d' 0)
printf 'area,category,period,count,population,rate\nA,x,2016,5,100,%s\nB,x,2016,5,100,2\n' "$z" >"$t/big.csv"
expect 0 "" msgrank "$t/big.csv"
LC_ALL=C grep -q '[^ -~]' "$t/out" && { echo "FAIL: bytes that are not text in the output"; fails=$((fails + 1)); }
check "group_mean printed whole" "$(sed -n 2p "$t/out" | cut -d, -f10)" = 5000000000000000362657181907646175630791872048232609777591050777395200.00
done_

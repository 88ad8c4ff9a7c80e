# Regression (found by the num fuzz target): a rate of 10^70 made
# num_fmt() return more than it wrote and msgrank print stack bytes.
# The rate column is read because there is no population; the mean is
# printed from its shortest decimal (5e69), as every figure is.
. ./common.inc
need msgrank
z=1$(printf "%070d" 0)
printf "area,category,period,count,rate\nA,x,2016,5,%s\nB,x,2016,5,2\n" "$z" >"$t/big.csv"
expect 0 "" msgrank "$t/big.csv"
LC_ALL=C grep -q '[^ -~]' "$t/out" && { echo "FAIL: bytes that are not text in the output"; fails=$((fails + 1)); }
check "group_mean printed whole" "$(sed -n 2p "$t/out" | cut -d, -f9)" = 5$(printf "%069d" 0).00
done_

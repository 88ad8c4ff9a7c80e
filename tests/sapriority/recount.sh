# The model arithmetic recounted in Python (recount.py, its own reading
# of the model and the rules) on 150 random sheets and evidence, over the
# test model and the two example models: the output must agree exactly.
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
python3 recount.py "$TMPDIR" 2016 hand.model "$TOP/examples/lookups/morile.model" \
    "$TOP/examples/lookups/fife.model"

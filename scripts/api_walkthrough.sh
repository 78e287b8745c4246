#!/usr/bin/env bash
# The README's API walkthrough against a running `huice serve` (docs/API.md, "A walkthrough"):
# create a factor config, create a batch on it over the bundled sample stocks, follow its live
# events (Server-Sent Events) until batch_completed, then read the batch's status and one task's
# results. Needs bash, curl and python3 (for JSON).
#
#   swift run -c release huice serve --data-dir /tmp/huice-demo &    # the first start imports the sample
#   scripts/api_walkthrough.sh http://127.0.0.1:8080
set -euo pipefail

BASE="${1:-http://127.0.0.1:8080}"
API="$BASE/api/v1"
# The twelve stocks of Sources/Runtime/SampleData.
STOCKS='["000001.SZ", "000002.SZ", "002230.SZ", "002594.SZ", "002739.SZ", "300059.SZ",
         "300104.SZ", "600000.SH", "600036.SH", "600085.SH", "600809.SH", "601766.SH"]'

# post ROUTE BODY: POSTs the JSON body to /api/v1/ROUTE and prints the envelope.
post() {
  curl -sS "$API/$1" -H 'Content-Type: application/json' -d "$2"
}

# field JSON PATH: one value of a JSON document by a dotted path (data.task_ids.0).
field() {
  python3 -c '
import json, sys
value = json.loads(sys.argv[1])
for key in sys.argv[2].split("."):
    value = value[int(key)] if isinstance(value, list) else value[key]
print(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
' "$1" "$2"
}

# show JSON: the document indented, Chinese as it is.
show() {
  python3 -c 'import json, sys; print(json.dumps(json.loads(sys.argv[1]), ensure_ascii=False, indent=2))' "$1"
}

# expect_ok STEP JSON: stops the walkthrough on any envelope but 200.
expect_ok() {
  if [ "$(field "$2" code)" != "200" ]; then
    echo "$1 failed:" >&2
    show "$2" >&2
    exit 1
  fi
}

echo "== health"
curl -sS "$BASE/healthz"
echo

echo "== 1. factor config for 600036.SH (RSI, MACD, PE, ROE: factors the bundled sample has data for)"
CONFIG=$(post factor-config/create '{
  "stock_code": "600036.SH",
  "description": "招商银行 技术+基本面组合",
  "technical_factors": ["rsi", "macd"],
  "fundamental_factors": ["pe_ratio", "roe"],
  "factor_weights": {"rsi": 0.3, "macd": 0.2, "pe_ratio": 0.2, "roe": 0.3},
  "factor_params": {"rsi": {"period": 10}}
}')
if [ "$(field "$CONFIG" code)" = "409" ]; then
  # A second run on the same store: the stock has its config already; use it.
  CONFIG=$(post factor-config/get-by-stock '{"stock_code": "600036.SH"}')
fi
expect_ok "factor-config/create" "$CONFIG"
show "$CONFIG"
CONFIG_ID=$(field "$CONFIG" data.config_id)

echo "== 2. a batch with that config over the 12 sample stocks"
BATCH=$(post backtest/createBatch "{
  \"name\": \"样例股票因子回测\",
  \"description\": \"README walkthrough\",
  \"stock_pool\": $STOCKS,
  \"start_date\": \"2012-01-04\",
  \"end_date\": \"2017-07-14\",
  \"initial_capital\": 1000000,
  \"factor_config_id\": \"$CONFIG_ID\"
}")
expect_ok "backtest/createBatch" "$BATCH"
show "$BATCH"
BATCH_ID=$(field "$BATCH" data.batch_id)
TASK_ID=$(field "$BATCH" data.task_ids.0)

echo "== 3. live events until batch_completed (the stream ends by itself)"
curl -sSN "$API/backtest/events?batch_id=$BATCH_ID"

echo "== 4. the batch's status"
STATUS=$(post backtest/getBatchStatus "{\"batch_id\": \"$BATCH_ID\"}")
expect_ok "backtest/getBatchStatus" "$STATUS"
show "$STATUS"

echo "== 5. the results of $TASK_ID"
RESULTS=$(post backtest/getTaskResults "{\"task_id\": \"$TASK_ID\"}")
expect_ok "backtest/getTaskResults" "$RESULTS"
show "$RESULTS"

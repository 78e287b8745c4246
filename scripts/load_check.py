#!/usr/bin/env python3
"""Load check of `huice serve` (docs/BENCHMARKS.md): status queries at a fixed rate while 100-task batches run.

Open-loop: request i is due at t0 + i / rate whatever happened to the earlier ones, and its latency is measured
from that due time (so a stalled server cannot hide its stall by slowing the client: no coordinated omission).
Queries alternate getTaskStatus (a random task of the running batch) and getBatchStatus. Batches of `--tasks`
stocks are submitted back to back for the whole window, so a batch is always running while the queries go.

Usage (the server already running on a store holding the bench stocks SYM000…SYM099):
    python3 scripts/load_check.py --url http://127.0.0.1:8080 --rate 200 --seconds 30
"""
import argparse
import http.client
import json
import queue
import random
import sys
import threading
import time
import urllib.parse


def post(conn, path, body):
    conn.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    return response.status, json.loads(payload) if payload else None


def connect(url):
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=10)


def batch_body(args):
    return {
        "name": "load check",
        "stock_pool": [f"SYM{i:03d}" for i in range(args.tasks)],
        "start_date": "2000-01-03",
        "end_date": "2009-07-31",
        "initial_capital": 1000000,
        "market": "generic",
        "benchmark": None,
        "strategy": {"type": "sma_crossover", "fast": 10, "slow": 30},
    }


class BatchFeeder(threading.Thread):
    """Keeps one batch running: submits the next as soon as the current one is finished."""

    def __init__(self, args, stop):
        super().__init__(daemon=True)
        self.args, self.stop = args, stop
        self.task_ids, self.batch_id = [], None
        self.batches, self.tasks_done, self.busy_seconds = 0, 0, 0.0
        self.ready = threading.Event()
        self.lock = threading.Lock()

    def run(self):
        conn = connect(self.args.url)
        while not self.stop.is_set():
            started = time.monotonic()
            status, created = post(conn, "/api/v1/backtest/createBatch", batch_body(self.args))
            if status != 200:
                print(f"createBatch failed: {status} {created}", file=sys.stderr)
                self.stop.set()
                return
            with self.lock:
                self.batch_id, self.task_ids = created["data"]["batch_id"], created["data"]["task_ids"]
            self.ready.set()
            while not self.stop.is_set():
                _, state = post(conn, "/api/v1/backtest/getBatchStatus", {"batch_id": self.batch_id})
                if state["data"]["status"] in ("completed", "failed", "cancelled"):
                    self.batches += 1
                    self.tasks_done += state["data"]["completed_tasks"]
                    self.busy_seconds += time.monotonic() - started
                    break
                time.sleep(0.2)

    def target(self):
        with self.lock:
            if random.random() < 0.5:
                return "/api/v1/backtest/getTaskStatus", {"task_id": random.choice(self.task_ids)}
            return "/api/v1/backtest/getBatchStatus", {"batch_id": self.batch_id}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--rate", type=float, default=200, help="status queries per second")
    parser.add_argument("--seconds", type=float, default=30, help="length of the measured window")
    parser.add_argument("--tasks", type=int, default=100, help="tasks (stocks) per batch")
    parser.add_argument("--connections", type=int, default=16, help="client threads, one keep-alive connection each")
    args = parser.parse_args()

    stop = threading.Event()
    feeder = BatchFeeder(args, stop)
    feeder.start()
    if not feeder.ready.wait(30):
        sys.exit("no batch was created within 30 s")

    due = queue.Queue()
    latencies, failures = [], []
    record = threading.Lock()

    def client():
        conn = connect(args.url)
        while True:
            item = due.get()
            if item is None:
                return
            when, path, body = item
            delay = when - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            try:
                status, payload = post(conn, path, body)
                ok = status == 200 and payload and payload.get("code") == 200
            except Exception as error:  # a dropped connection counts as a failure, then reconnect
                ok, status, conn = False, repr(error), connect(args.url)
            elapsed = time.monotonic() - when
            with record:
                latencies.append(elapsed)
                if not ok:
                    failures.append(status)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    total = int(args.rate * args.seconds)
    t0 = time.monotonic() + 0.5
    for i in range(total):
        when = t0 + i / args.rate
        # hand requests out shortly before they are due so the queue never runs ahead by much
        while when - time.monotonic() > 0.05:
            time.sleep(0.01)
        path, body = feeder.target()
        due.put((when, path, body))
    for _ in threads:
        due.put(None)
    for thread in threads:
        thread.join()
    window = time.monotonic() - t0
    stop.set()
    feeder.join(timeout=60)

    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    print(json.dumps({
        "requests": len(latencies), "failures": len(failures), "window_s": round(window, 2),
        "offered_rate": args.rate, "achieved_rate": round(len(latencies) / window, 1),
        "p50_ms": round(pct(50), 2), "p90_ms": round(pct(90), 2), "p99_ms": round(pct(99), 2),
        "max_ms": round(latencies[-1] * 1000, 2),
        "batches_finished": feeder.batches, "tasks_completed": feeder.tasks_done,
        "tasks_per_batch": args.tasks,
    }, indent=2))
    if failures:
        print(f"first failures: {failures[:5]}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

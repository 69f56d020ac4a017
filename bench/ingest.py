#!/usr/bin/env python3
"""Flowmatik's usage-ingest benchmark: the jar as its own process, clients posting batches of usage
events to POST /api/usage/events from threads of this process, the usage read model's lag sampled
beside them, and MariaDB's durable-insert ceiling (mariadb-slap) measured in the same run. At the
end every distinct id acknowledged is checked against the event store, the receipts and the read model.

    python3 bench/ingest.py                          # mysql mode, 60 s, 8 clients, batches of 1,000, 1,000 users
    python3 bench/ingest.py --resend 0.1             # 10 % of events sent again (and some batches twice at once)
    python3 bench/ingest.py --resend 0.1 --crash-at 30   # ... and a kill -9 and restart 30 s into the run

Its own database and Redis prefix, from the environment: BENCH_DATABASE (flowmatik_ingest_bench) and
BENCH_REDIS_PREFIX (flowmatik-ingest-bench:). Needs the jar (./mvnw -q -DskipTests package), MariaDB on
127.0.0.1:3306 and Redis on 127.0.0.1:6379. Only the stdlib of Python 3 and bench/bench.py are used.
"""
import argparse
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("BENCH_DATABASE", "flowmatik_ingest_bench")
os.environ.setdefault("BENCH_REDIS_PREFIX", "flowmatik-ingest-bench:")
import bench  # noqa: E402  (reads the two settings above)

MODEL = "deepseek-ai/DeepSeek-V3"
RECORDED = "com.flowmatik.api.usage.UsageRecorded"


def main():
    args = parse_args()
    if not os.path.exists(bench.JAR):
        sys.exit(f"{bench.JAR} is missing: ./mvnw -q -DskipTests package first")
    work = tempfile.mkdtemp(prefix="flowmatik-ingest-bench-")
    holder = [None]  # the app's process, a new one after a crash
    try:
        bench.reset_database()
        port, provider_port = bench.free_port(), bench.free_port()  # nothing listens there: ingest calls no provider
        holder[0] = start(work, args, port, provider_port)
        base = f"http://127.0.0.1:{port}"
        print(f"signing up {args.users} users on the business plan")
        tokens = bench.sign_up(base, args.users)
        load = Load(args, port, tokens)
        print(f"warming up for {args.warmup} s")
        load.run(args.warmup, measured=False)
        bench.wait_caught_up(args, "usage", 120)

        lag = bench.LagSampler("usage")
        lag.start()
        if args.profile:
            subprocess.run(["jcmd", str(holder[0].pid), "JFR.start", "name=ingest", "settings=profile",
                            f"filename={bench.ROOT}/bench/ingest.jfr", f"duration={args.duration}s"],
                           check=True, capture_output=True)
        crash = None
        if args.crash_at:
            crash = threading.Timer(args.crash_at, crash_and_restart, (work, args, holder, port, provider_port))
            crash.start()
        cpu_before = (bench.cpu_seconds(holder[0].pid), bench.cpu_seconds(bench.mariadb_pid()))
        started = time.monotonic()
        load.run(args.duration, measured=True)
        seconds = time.monotonic() - started
        if crash:
            crash.join()
        caught_up = time.monotonic()
        bench.wait_caught_up(args, "usage", 300)
        drain = time.monotonic() - caught_up
        # the app's and MariaDB's CPU from the first measured batch until the read model has them all
        cpu = None if crash else (bench.cpu_seconds(holder[0].pid) - cpu_before[0],
                                  bench.cpu_seconds(bench.mariadb_pid()) - cpu_before[1])
        lag_figures = lag.stop()
        ceiling = bench.slap_ceiling()
        report(args, load, seconds, lag_figures, drain, ceiling, check(load), cpu)
    finally:
        if holder[0] is not None:
            bench.stop(holder[0])
        bench.keep_log(work)
        if not args.keep:
            bench.mysql(f"DROP DATABASE IF EXISTS {bench.DATABASE}")
        shutil.rmtree(work, ignore_errors=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=60, help="seconds of measured load")
    parser.add_argument("--warmup", type=int, default=15, help="seconds of load before measuring")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--batch", type=int, default=1000, help="events per request")
    parser.add_argument("--users", type=int, default=1000, help="users the batches spread over")
    parser.add_argument("--resend", type=float, default=0.0, help="share of events sent again")
    parser.add_argument("--crash-at", type=int, default=0, help="kill -9 the app this many seconds into the run")
    parser.add_argument("--java", default=os.environ.get("JAVA", "java"))
    parser.add_argument("--jvm-args", default=os.environ.get("BENCH_JVM_ARGS", ""))
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument("--profile", action="store_true", help="record a JFR profile of the measured run in bench/ingest.jfr")
    args = parser.parse_args()
    args.mode = "mysql"  # what bench.py's helpers ask
    return args


def start(work, args, port, provider_port):
    app = bench.start_app(work, args, port, provider_port)
    try:
        bench.wait_healthy(port, app, 600)  # a shared machine can take minutes to start it
    except SystemExit:
        bench.stop(app)
        raise
    return app


def crash_and_restart(work, args, holder, port, provider_port):
    """kill -9, then the same jar on the same port: clients send again what got no answer meanwhile."""
    holder[0].kill()
    holder[0].wait()
    print(f"  killed the app (-9) at {time.strftime('%H:%M:%S')}, restarting")
    holder[0] = start(work, args, port, provider_port)
    print(f"  the app is healthy again at {time.strftime('%H:%M:%S')}")


class Load:
    """Clients posting batches until a deadline. Each batch goes to a random user; with --resend, a
    share of its events are that user's events of an earlier batch (same id, same body), and as many
    batches again as that share are an exact copy of a batch another client has in flight."""

    def __init__(self, args, port, tokens):
        self.args = args
        self.port = port
        self.tokens = tokens
        self.run_id = f"{int(time.time())}"
        self.lock = threading.Lock()
        self.sent_before = {}  # user -> events of their last batch
        self.in_flight = None
        self.acknowledged = set()
        self.counts = {"batches": 0, "events": 0, "accepted": 0, "duplicates": 0, "rejected": 0, "retries": 0}
        self.latencies = []
        self.measured = False
        self.sequence = 0

    def run(self, seconds, measured):
        self.measured = measured
        deadline = time.monotonic() + seconds
        clients = [threading.Thread(target=self.client, args=(i, deadline)) for i in range(self.args.clients)]
        for client in clients:
            client.start()
        for client in clients:
            client.join()

    def next_batch(self, client):
        with self.lock:
            if self.args.resend and self.in_flight and random.random() < self.args.resend:
                return self.in_flight
            self.sequence += 1
            sequence = self.sequence
        user = random.randrange(len(self.tokens))
        earlier = self.sent_before.get(user, [])
        events = []
        for i in range(self.args.batch):
            if earlier and random.random() < self.args.resend:
                events.append(random.choice(earlier))
            else:
                events.append({"id": f"{self.run_id}-{client}-{sequence}-{i}", "model": MODEL,
                               "promptTokens": 100 + i % 50, "completionTokens": 20 + i % 7})
        body = json.dumps({"events": events})
        batch = (user, events, body)
        with self.lock:
            self.in_flight = batch
            self.sent_before[user] = events
        return batch

    def client(self, number, deadline):
        connection = None
        while time.monotonic() < deadline:
            user, events, body = self.next_batch(number)
            while True:  # a batch without an answer is sent again, as a client would
                try:
                    if connection is None:
                        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                    started = time.monotonic()
                    connection.request("POST", "/api/usage/events", body, {
                        "Content-Type": "application/json", "Authorization": "Bearer " + self.tokens[user]})
                    response = connection.getresponse()
                    data = response.read()
                    if response.status != 200:
                        raise IOError(f"{response.status}: {data[:200]!r}")
                    answer = json.loads(data)
                    break
                except (OSError, http.client.HTTPException) as failed:
                    if connection is not None:
                        connection.close()
                    connection = None
                    with self.lock:
                        self.counts["retries"] += 1
                    if self.counts["retries"] % 50 == 1:
                        print(f"  client {number}: {failed}; sending the batch again")
                    time.sleep(0.5)
            elapsed = time.monotonic() - started
            with self.lock:
                for event in events:
                    self.acknowledged.add((user, event["id"]))
                if self.measured:
                    self.counts["batches"] += 1
                    self.counts["events"] += len(events)
                    for key in ("accepted", "duplicates", "rejected"):
                        self.counts[key] += answer[key]
                    self.latencies.append(elapsed)


def check(load):
    """Every distinct id acknowledged (warm-up included) against what the store, the receipts and the read model hold."""
    database = bench.DATABASE
    items = bench.mysql("SELECT COALESCE(SUM(JSON_LENGTH(CONVERT(payload USING utf8mb4), '$.items')), 0)"
                        f" FROM domain_event_entry WHERE payload_type = '{RECORDED}'", database)
    receipts = bench.mysql("SELECT COUNT(*) FROM usage_receipt", database)
    requests = bench.mysql("SELECT COALESCE(SUM(requests), 0) FROM daily_usage", database)
    return {"distinct ids acknowledged": len(load.acknowledged), "items in UsageRecorded events": int(items),
            "receipts": int(receipts), "requests in daily_usage": int(requests)}


def report(args, load, seconds, lag, drain, ceiling, counted, cpu):
    counts = load.counts
    rate = counts["events"] / seconds
    ordered = sorted(load.latencies) or [0]
    rows = [
        ("events answered per second", f"{rate:,.0f}  ({counts['batches']:,} batches of {args.batch} in {seconds:.0f} s, "
                                       f"{args.clients} clients, {args.users} users)"),
        ("of them accepted / duplicate / rejected", f"{counts['accepted']:,} / {counts['duplicates']:,} / {counts['rejected']:,}"),
        ("batches sent again after no answer", f"{counts['retries']:,}"),
        ("batch latency p50 / p99", f"{ordered[len(ordered) // 2] * 1000:.0f} / "
                                    f"{ordered[max(0, int(len(ordered) * 0.99) - 1)] * 1000:.0f} ms"),
    ]
    if lag:
        rows.append(("usage read-model lag p50 / p99 / max",
                     f"{lag['p50'] * 1000:.0f} / {lag['p99'] * 1000:.0f} / {lag['max'] * 1000:.0f} ms"))
    rows.append(("read model caught up after the run in", f"{drain:.1f} s"))
    if cpu and counts["events"]:
        thousands = counts["events"] / 1000
        rows.append(("CPU per 1,000 events: app / MariaDB",
                     f"{cpu[0] * 1000 / thousands:.1f} / {cpu[1] * 1000 / thousands:.1f} ms"))
    rows.append(("MariaDB durable inserts/s (mariadb-slap, c16)", f"{ceiling:,.0f}"))
    rows.append(("events/s as a multiple of that ceiling", f"{rate / ceiling:.2f} x"))
    for name, value in counted.items():
        rows.append((name, f"{value:,}"))
    exact = len(set(counted.values())) == 1
    rows.append(("one count per distinct id", "yes" if exact else "NO"))
    print(f"\n== usage ingest: {seconds:.0f} s ==")
    bench.print_rows(rows)
    if not exact:
        sys.exit(1)


if __name__ == "__main__":
    main()

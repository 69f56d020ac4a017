#!/usr/bin/env python3
"""Flowmatik's webhook benchmark: the jar as its own process, signed Stripe customer.subscription.*
deliveries for many users (a share of them delivered twice, shuffled) sent from threads of this
process, the CPU the app and MariaDB spent per delivery, and MariaDB's durable-insert ceiling measured
in the same run. At the end it checks exactly-once: one WebhookReceived in the event store per
distinct event, every repeat answered as a duplicate.

    python3 bench/webhooks.py                     # mysql mode, 2,000 events for 50 users, 10 % twice, 16 at once
    python3 bench/webhooks.py --mode embedded     # the embedded default (exactly-once read from /api/webhooks/stats)
    python3 bench/webhooks.py --webhooks 10000 --concurrency 32 --aot --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java

Its own database and Redis prefix, from the environment: BENCH_DATABASE (flowmatik_webhook_bench) and
BENCH_REDIS_PREFIX (flowmatik-webhook-bench:). Needs the jar (./mvnw -q -DskipTests package), MariaDB on
127.0.0.1:3306 and Redis on 127.0.0.1:6379 for the mysql mode. Only the stdlib of Python 3 and
bench/bench.py are used.
"""
import argparse
import hashlib
import hmac
import http.client
import json
import os
import random
import secrets
import shutil
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("BENCH_DATABASE", "flowmatik_webhook_bench")
os.environ.setdefault("BENCH_REDIS_PREFIX", "flowmatik-webhook-bench:")
import bench  # noqa: E402  (reads the two settings above)

RECEIVED = "com.flowmatik.api.webhook.WebhookReceived"
PRICES = ("price_bench_starter", "price_bench_pro")


def main():
    args = parse_args()
    if not os.path.exists(bench.JAR):
        sys.exit(f"{bench.JAR} is missing: ./mvnw -q -DskipTests package first")
    # a secret of this run only, handed to the app through its environment as in production
    secret = "whsec_" + secrets.token_hex(24)
    os.environ.update({"STRIPE_WEBHOOK_SECRET": secret, "STRIPE_PRICE_STARTER": PRICES[0],
                       "STRIPE_PRICE_PRO": PRICES[1]})
    work = tempfile.mkdtemp(prefix="flowmatik-webhook-bench-")
    app = None
    try:
        args.jar = bench.prepare_aot(work, args) if args.aot else bench.JAR
        if args.mode == "mysql":
            bench.reset_database()
        port = bench.free_port()
        started = time.monotonic()
        app = bench.start_app(work, args, port, bench.free_port())  # no provider: webhooks call none
        bench.wait_healthy(port, app, args.start_timeout)
        print(f"started in {time.monotonic() - started:.1f} s")
        base = f"http://127.0.0.1:{port}"

        warm = deliveries(sign_up(base, args.users, "warm"), args.warmup_webhooks, args.duplicates)
        print(f"warming up with {len(warm)} deliveries")
        deliver(port, warm, args.concurrency, secret)

        measured = deliveries(sign_up(base, args.users, "measured"), args.webhooks, args.duplicates)
        print(f"delivering {len(measured)} ({args.webhooks} distinct) at concurrency {args.concurrency}")
        before = (bench.cpu_seconds(app.pid), bench.cpu_seconds(bench.mariadb_pid()), bench.rows_read(args.mode))
        result = deliver(port, measured, args.concurrency, secret)
        after = (bench.cpu_seconds(app.pid), bench.cpu_seconds(bench.mariadb_pid()), bench.rows_read(args.mode))
        sent = len(measured)
        result["app_cpu_ms"] = (after[0] - before[0]) * 1000 / sent
        if args.mode == "mysql":
            result["db_cpu_ms"] = (after[1] - before[1]) * 1000 / sent
            result["rows_read"] = (after[2] - before[2]) / sent
            result["recorded"] = recorded_in_store([event_id for event_id, _ in measured])
            result["ceiling"] = bench.slap_ceiling()
        else:
            # the embedded database is the app's own: count through its admin API (warm-up included)
            result["recorded"] = processed_in_stats(base, args.webhooks + args.warmup_webhooks) - args.warmup_webhooks
        result["rss"] = bench.rss_mb(app.pid)
        report(args, sent, result)
        if result["errors"] or result["recorded"] != args.webhooks or result["duplicates"] != sent - args.webhooks:
            sys.exit("deliveries went wrong or were not exactly once: see the report above")
    finally:
        if app:
            bench.stop(app)
        bench.keep_log(work)
        if args.mode == "mysql" and not args.keep:
            bench.mysql(f"DROP DATABASE IF EXISTS {bench.DATABASE}")
        shutil.rmtree(work, ignore_errors=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["mysql", "embedded"], default="mysql")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--webhooks", type=int, default=2000, help="distinct events measured")
    parser.add_argument("--warmup-webhooks", type=int, default=500, help="distinct events sent before measuring")
    parser.add_argument("--duplicates", type=int, default=10, help="percent of events delivered twice")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--java", default=os.environ.get("JAVA", "java"))
    parser.add_argument("--jvm-args", default=os.environ.get("BENCH_JVM_ARGS", ""))
    parser.add_argument("--aot", action="store_true", help="run the jar as the Docker image does (see bench.py)")
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument("--start-timeout", type=int, default=180)
    return parser.parse_args()


def sign_up(base, count, tag):
    run = int(time.time() * 1000)

    def one(i):
        return bench.post(base + "/api/auth/register", {
            "email": f"webhook-bench-{tag}-{run}-{i}@example.com", "password": "bench-password-1",
            "name": f"Bench {i}"})["user"]["id"]

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(count)))


def deliveries(user_ids, events, duplicate_percent):
    """Each user's subscription updated again and again (plan and period moving on); some bodies twice.
    Returns (event id, body) pairs, shuffled."""
    out = []
    start = int(time.time()) - 60
    for event in range(events):
        user = user_ids[event % len(user_ids)]
        round_ = event // len(user_ids)
        event_id = "evt_" + uuid.uuid4().hex
        period_end = start + (30 + round_) * 86400
        body = json.dumps({
            "id": event_id, "object": "event", "api_version": "2025-09-30.clover", "created": start + round_,
            "livemode": False,
            "type": "customer.subscription.created" if round_ == 0 else "customer.subscription.updated",
            "data": {"object": {
                "id": "sub_" + user[:8], "object": "subscription", "customer": "cus_" + user[:8],
                "status": "active", "cancel_at_period_end": False, "metadata": {"user_id": user},
                "items": {"object": "list", "data": [{
                    "id": "si_sub_" + user[:8], "object": "subscription_item", "quantity": 1,
                    "current_period_start": period_end - 2_592_000, "current_period_end": period_end,
                    "price": {"id": PRICES[round_ % 2], "object": "price", "currency": "usd", "unit_amount": 1900}}]}}},
        })
        out.append((event_id, body))
        if event % 100 < duplicate_percent:
            out.append((event_id, body))
    random.Random(42).shuffle(out)
    return out


def signature(body, secret):
    """Stripe's Stripe-Signature header: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">, signed when sent."""
    t = int(time.time())
    mac = hmac.new(secret.encode(), f"{t}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def deliver(port, pairs, concurrency, secret):
    """Sends every delivery once, from `concurrency` threads each on a kept-alive connection."""
    next_index = iter(range(len(pairs)))
    lock = threading.Lock()
    latencies = [0.0] * len(pairs)
    counts = {"duplicates": 0, "errors": Counter()}

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                i = next(next_index, None)
            if i is None:
                break
            body = pairs[i][1]
            sent = time.monotonic()
            try:
                connection.request("POST", "/api/webhooks/stripe", body=body.encode(), headers={
                    "Content-Type": "application/json", "Stripe-Signature": signature(body, secret)})
                answer = connection.getresponse()
                text = answer.read()
                latencies[i] = time.monotonic() - sent
                outcome = json.loads(text or b"{}") if answer.status == 200 else {}
                with lock:
                    if answer.status != 200:
                        counts["errors"][f"HTTP {answer.status}"] += 1
                    elif outcome.get("duplicate"):
                        counts["duplicates"] += 1
                    elif outcome.get("status") != "processed":
                        counts["errors"][f"status {outcome.get('status')}"] += 1
            except (OSError, http.client.HTTPException) as failure:
                latencies[i] = time.monotonic() - sent
                with lock:
                    counts["errors"][type(failure).__name__] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.monotonic() - started
    latencies.sort()
    return {"seconds": seconds, "latencies": latencies, **counts}


def recorded_in_store(event_ids):
    """WebhookReceived events in the event store for these deliveries' Stripe event ids."""
    distinct = sorted(set(event_ids))
    found = 0
    for chunk in range(0, len(distinct), 500):
        ids = distinct[chunk:chunk + 500]
        likes = " OR ".join(f"payload LIKE '%{event_id}%'" for event_id in ids)
        found += int(bench.in_bench_database(
            f"SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = '{RECEIVED}' AND ({likes})"))
    return found


def processed_in_stats(base, expected, seconds=60):
    """Processed Stripe deliveries as the webhooks read model counts them, once it has caught up."""
    token = bench.admin_token(base)
    deadline = time.monotonic() + seconds
    while True:
        request = urllib.request.Request(base + "/api/webhooks/stats", headers={"Authorization": "Bearer " + token})
        with urllib.request.urlopen(request, timeout=30) as answer:
            stats = json.loads(answer.read())
        processed = processed_count(stats)
        if processed >= expected or time.monotonic() > deadline:
            return processed
        time.sleep(0.5)


def processed_count(stats):
    """Sums the processed Stripe deliveries in /api/webhooks/stats' answer."""
    total = 0
    for row in stats["byProvider"]:
        if row.get("provider") == "stripe" and row.get("status") == "processed":
            total += int(row.get("count", 0))
    return total


def report(args, sent, result):
    latencies = result["latencies"]

    def quantile(q):
        return latencies[min(len(latencies) - 1, round(q * (len(latencies) - 1)))] * 1000

    print(f"\n== webhook intake ({args.mode}): {sent} deliveries ({args.webhooks} distinct, "
          f"{sent - args.webhooks} repeats), concurrency {args.concurrency} ==")
    rows = [
        ("deliveries answered per second", f"{sent / result['seconds']:,.0f} ({result['seconds']:.1f} s)"),
        ("latency p50 / p90 / p99 / max", f"{quantile(0.5):.0f} / {quantile(0.9):.0f} / {quantile(0.99):.0f} / "
                                          f"{latencies[-1] * 1000:.0f} ms"),
        ("app CPU per delivery", f"{result['app_cpu_ms']:.2f} ms"),
    ]
    if "db_cpu_ms" in result:
        rows += [("MariaDB CPU per delivery", f"{result['db_cpu_ms']:.2f} ms"),
                 ("rows read per delivery (Rows_read)", f"{result['rows_read']:.1f}")]
    rows += [
        ("answered as duplicates", f"{result['duplicates']} (repeats sent: {sent - args.webhooks})"),
        ("WebhookReceived in the event store, distinct events" if args.mode == "mysql"
         else "processed in the webhooks read model, distinct events", f"{result['recorded']} of {args.webhooks}"),
        ("errors", ", ".join(f"{k}: {v}" for k, v in result["errors"].items()) or "none"),
    ]
    if "ceiling" in result:
        rows += [("MariaDB durable inserts/s (mariadb-slap, c16)", f"{result['ceiling']:,.0f}"),
                 ("deliveries/s as a share of that ceiling", f"{sent / result['seconds'] / result['ceiling'] * 100:.1f} %")]
    rows.append(("app RSS after the run", f"{result['rss']:.0f} MB"))
    for label, value in rows:
        print(f"  {label:<46} {value}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Flowmatik's chat benchmark: the jar as its own process, an instant provider stand-in (nginx
answering a fixed OpenAI completion), and wrk as the load, each in a process of its own. It prints
what a metered chat costs next to what this machine's MariaDB can do in the same run.

    python3 bench/bench.py                      # mysql mode (MariaDB + Redis), 60 s at 32 connections
    python3 bench/bench.py --mode embedded      # the embedded H2 default
    python3 bench/bench.py --provider-delay 2 --connections 1000 --duration 30   # a slow provider
    python3 bench/bench.py --history 5000       # one heavy user with 5,000 requests today, then new users
    python3 bench/bench.py --aot --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java   # as the Docker image runs it
    python3 bench/bench.py --memory             # then where the app's memory is (native memory tracking)

BENCH_JAR, BENCH_DATABASE and BENCH_REDIS_PREFIX in the environment name another jar, database and
Redis prefix (defaults: app/target/flowmatik.jar, flowmatik_bench, flowmatik-bench:).

Needs: the jar (./mvnw -q -DskipTests package), wrk and nginx-light from Debian's packages
(installed when missing), MariaDB on 127.0.0.1:3306 and Redis on 127.0.0.1:6379 for the mysql mode.
Only the stdlib of Python 3 is used.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("BENCH_JAR", os.path.join(ROOT, "app", "target", "flowmatik.jar"))
# Its own database and Redis prefix, so that a run never touches another's; several people running it
# on one machine give each their own (BENCH_DATABASE=flowmatik_bench_me BENCH_REDIS_PREFIX=bench-me:).
DATABASE = os.environ.get("BENCH_DATABASE", "flowmatik_bench")
REDIS_PREFIX = os.environ.get("BENCH_REDIS_PREFIX", "flowmatik-bench:")
LAG_GROUPS = ("usage", "admin-metrics")
# echo_sleep for --provider-delay, from libnginx-mod-http-echo; by absolute path, since a relative
# one follows nginx's -p prefix (the include used before never loaded, so the delay did not work)
ECHO_MODULE = "/usr/lib/nginx/modules/ngx_http_echo_module.so"
CLK_TCK = os.sysconf("SC_CLK_TCK")
COMPLETION = {
    "id": "chatcmpl-bench", "object": "chat.completion", "created": 1700000000, "model": "deepseek-ai/DeepSeek-V3",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": "Metering counts every token once."},
                 "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 24, "completion_tokens": 7, "total_tokens": 31},
}


def main():
    args = parse_args()
    ensure_tools()
    work = tempfile.mkdtemp(prefix="flowmatik-bench-")
    processes = []
    try:
        args.jar = prepare_aot(work, args) if args.aot else JAR
        provider_port = args.provider_port = free_port()
        processes.append(start_provider(work, provider_port, args.provider_delay))
        if args.mode == "mysql":
            reset_database()
        app_port = free_port()
        started = time.monotonic()
        app = start_app(work, args, app_port, provider_port)
        processes.append(app)
        wait_healthy(app_port, app, args.start_timeout)
        start_seconds = time.monotonic() - started
        base = f"http://127.0.0.1:{app_port}"
        print(f"started in {start_seconds:.1f} s (java -jar to a healthy /health{', AOT cache' if args.aot else ''})")

        tokens = sign_up(base, args.users)
        tokens_file = os.path.join(work, "tokens.txt")
        if args.history:
            heavy = tokens[0]
            chat_n_times(base, heavy, args.history, args.connections)
            print(f"one user now has {args.history} requests today")
            # new, heavy, new: a difference that is only the order of the runs (warm-up) shows as one
            runs = (("new user", sign_up(base, 1, "new")), ("heavy user (history)", [heavy]),
                    ("another new user", sign_up(base, 1, "newer")))
            for label, user_tokens in runs:
                write_lines(tokens_file, user_tokens)
                for group in LAG_GROUPS:  # the history's backlog is processed before, not during, the run
                    wait_caught_up(args, group, 120)
                result = run_load(args, app, base, tokens_file, duration=min(args.duration, 20), connections=4)
                report(label, result)
            return

        write_lines(tokens_file, tokens)
        print(f"warming up for {args.warmup} s")
        run_wrk(base, tokens_file, args.warmup, args.connections, args.timeout)
        wait_caught_up(args, "usage", 60)

        probe = sign_up_probe(base) if args.mode == "mysql" else None
        result = run_load(args, app, base, tokens_file, duration=args.duration, connections=args.connections,
                          probe=probe)
        ceiling = slap_ceiling() if args.mode == "mysql" else None
        report("metered chat", result, ceiling, start_seconds, rss_mb(app.pid))
        if args.memory:
            report_memory(args, app.pid)
    finally:
        for process in reversed(processes):
            stop(process)
        keep_log(work)
        if args.mode == "mysql" and not args.keep:
            mysql(f"DROP DATABASE IF EXISTS {DATABASE}")
        shutil.rmtree(work, ignore_errors=True)


def keep_log(work):
    """The app's log of the run, kept as bench/app.log, and how many of its lines are warnings and errors."""
    log = os.path.join(work, "app.log")
    if not os.path.exists(log):
        return
    shutil.copyfile(log, os.path.join(ROOT, "bench", "app.log"))
    with open(log, errors="replace") as lines:
        levels = [line.split()[1] for line in lines if len(line.split()) > 1 and line.split()[1] in ("WARN", "ERROR")]
    print(f"app log: {levels.count('WARN')} warnings, {levels.count('ERROR')} errors (bench/app.log)")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["mysql", "embedded"], default="mysql")
    parser.add_argument("--duration", type=int, default=60, help="seconds of measured load")
    parser.add_argument("--warmup", type=int, default=20, help="seconds of load before measuring")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--users", type=int, default=200, help="users the chats spread over")
    parser.add_argument("--provider-delay", type=float, default=0, help="seconds the provider takes per answer")
    parser.add_argument("--history", type=int, default=0, help="requests one user makes before a comparison run")
    parser.add_argument("--timeout", type=int, default=10, help="wrk's per-request timeout, seconds")
    parser.add_argument("--java", default=os.environ.get("JAVA", "java"))
    parser.add_argument("--jvm-args", default=os.environ.get("BENCH_JVM_ARGS", ""))
    parser.add_argument("--profile", action="store_true", help="record a JFR profile of the measured run")
    parser.add_argument("--aot", action="store_true",
                        help="run the jar as the Docker image does: extracted, from an AOT cache of a training run (JDK 25+)")
    parser.add_argument("--memory", action="store_true",
                        help="after the run, where the app's memory is: the JVM's native memory tracking and its live heap")
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    parser.add_argument("--start-timeout", type=int, default=180,
                        help="seconds the app may take to a healthy /health (more on a machine others load)")
    return parser.parse_args()


def ensure_tools():
    if not os.path.exists(JAR):
        sys.exit(f"{JAR} is missing: ./mvnw -q -DskipTests package first")
    missing = [package for tool, package in (("wrk", "wrk"), ("nginx", "nginx-light")) if not shutil.which(tool)]
    if not os.path.exists(ECHO_MODULE):
        missing.append("libnginx-mod-http-echo")
    if missing:
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True)


# --- processes -------------------------------------------------------------------------------------

def start_provider(work, port, delay):
    """nginx answering POST /v1/chat/completions with one fixed completion, optionally after a delay."""
    body = json.dumps(COMPLETION).replace("'", "\\'")
    wait = f"echo_sleep {delay};\n            echo '{body}';" if delay else f"return 200 '{body}';"
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as out:
        out.write(f"""
{'load_module ' + ECHO_MODULE + ';' if delay else ''}
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {work}/body;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        location /v1/chat/completions {{
            default_type application/json;
            {wait}
        }}
        location = /ping {{
            return 200 'pong';
        }}
    }}
}}
""")
    process = subprocess.Popen(["nginx", "-c", conf, "-p", work], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    wait_port(port)
    return process


def start_app(work, args, port, provider_port):
    env = dict(os.environ)
    env.update({
        "PORT": str(port),
        "JWT_SECRET": "bench-secret-bench-secret-bench-secret-0123456789",
        "SILICONFLOW_BASE_URL": f"http://127.0.0.1:{provider_port}/v1",
        "SILICONFLOW_API_KEY": "bench-key",
        "RATE_LIMIT_USER_PER_MINUTE": "100000000",
        "RATE_LIMIT_IP_PER_MINUTE": "100000000",
        "RATE_LIMIT_AUTH_PER_MINUTE": "100000000",
        "AI_TIMEOUT": "60s",
        "FLOWMATIK_DATA_DIR": os.path.join(work, "data"),
        "FLOWMATIK_REDIS_PREFIX": REDIS_PREFIX,
        "LOG_FORMAT": "",
        "FLOWMATIK_ADMIN_EMAIL": ADMIN[0],
        "FLOWMATIK_ADMIN_PASSWORD": ADMIN[1],
    })
    if args.mode == "mysql":
        env.update({
            "SPRING_PROFILES_ACTIVE": "mysql",
            "DATABASE_URL": f"mysql://root@127.0.0.1:3306/{DATABASE}",
            "REDIS_URL": "redis://127.0.0.1:6379",
        })
    else:
        env.pop("SPRING_PROFILES_ACTIVE", None)
    jvm = args.jvm_args.split()
    if getattr(args, "memory", False):
        jvm.append("-XX:NativeMemoryTracking=summary")
    log = open(os.path.join(work, "app.log"), "w")
    # the AOT form when prepare_aot made it (bench/ingest.py and others pass args without it)
    aot = getattr(args, "aot", False)
    if aot:
        jvm.append("-XX:AOTCache=" + os.path.join(work, "flowmatik.aot"))
    jar = args.jar if aot else JAR
    process = subprocess.Popen([args.java, *jvm, "-jar", jar], env=env, stdout=log, stderr=subprocess.STDOUT)
    process.log_path = log.name
    return process


def prepare_aot(work, args):
    """The Dockerfile's steps: the jar extracted (a thin jar beside lib/), and a training run of the
    embedded platform up to a refreshed context recording the AOT cache (JEP 483/514). Not timed."""
    extracted = os.path.join(work, "extracted")
    subprocess.run([args.java, "-Djarmode=tools", "-jar", JAR, "extract", "--destination", extracted],
                   check=True, capture_output=True)
    env = {key: value for key, value in os.environ.items() if key != "SPRING_PROFILES_ACTIVE"}
    env["FLOWMATIK_DATA_DIR"] = os.path.join(work, "aot-training")
    training = subprocess.run([args.java, *args.jvm_args.split(),
                               "-XX:AOTCacheOutput=" + os.path.join(work, "flowmatik.aot"),
                               "-Dspring.context.exit=onRefresh", "-jar", os.path.join(extracted, "flowmatik.jar")],
                              env=env, capture_output=True, text=True)
    if training.returncode != 0 or not os.path.exists(os.path.join(work, "flowmatik.aot")):
        sys.exit("the AOT training run failed (it needs JDK 25+, --java):\n"
                 + (training.stdout + training.stderr)[-4000:])
    print("AOT cache recorded by a training run (not timed)")
    return os.path.join(extracted, "flowmatik.jar")


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_healthy(port, app, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if app.poll() is not None:
            sys.exit("the app stopped:\n" + open(app.log_path).read()[-4000:])
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        time.sleep(0.1)
    sys.exit(f"the app did not become healthy in {seconds} s:\n" + open(app.log_path).read()[-4000:])


def wait_port(port):
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    sys.exit(f"nothing listens on {port}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- traffic -------------------------------------------------------------------------------------

ADMIN = ("bench-admin@example.com", "bench-admin-password-1")


def post(url, body, token=None, method="POST"):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method=method,
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read() or b"null")


def sign_up(base, count, tag="user"):
    """Signs up users on the business plan: the benchmark measures the platform, not the free plan's limit."""
    run = int(time.time() * 1000)
    admin = admin_token(base)

    def one(i):
        signed_up = post(base + "/api/auth/register", {
            "email": f"bench-{tag}-{run}-{i}@example.com", "password": "bench-password-1", "name": f"Bench {i}"})
        post(f"{base}/api/admin/users/{signed_up['user']['id']}/plan", {"plan": "business"}, admin, "PUT")
        return signed_up["token"]

    with ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(one, range(count)))
    time.sleep(1)  # the plan reaches the usage accounts through the saga
    return tokens


def sign_up_probe(base):
    """One more business user, outside wrk's: the read-model visibility probe chats as this user."""
    admin = admin_token(base)
    signed_up = post(base + "/api/auth/register", {
        "email": f"bench-probe-{int(time.time() * 1000)}@example.com", "password": "bench-password-1",
        "name": "Bench probe"})
    user_id = signed_up["user"]["id"]
    post(f"{base}/api/admin/users/{user_id}/plan", {"plan": "business"}, admin, "PUT")
    time.sleep(1)
    return user_id, signed_up["token"]


def admin_token(base):
    """The admin the app creates at start; its account reaches the read model a moment after /health is up."""
    deadline = time.monotonic() + 60
    while True:
        try:
            return post(base + "/api/auth/login", {"email": ADMIN[0], "password": ADMIN[1]})["token"]
        except urllib.error.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def chat_n_times(base, token, n, concurrency):
    with ThreadPoolExecutor(min(concurrency, 8)) as pool:
        list(pool.map(lambda _: post(base + "/api/ai/chat", {"message": "history"}, token), range(n)))


def run_wrk(base, tokens_file, seconds, connections, timeout):
    env = dict(os.environ, BENCH_TOKENS=tokens_file)
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout}s",
               "-s", os.path.join(ROOT, "bench", "chat.lua"), base]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    line = next(l for l in output.splitlines() if l.startswith("BENCH "))
    figures = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", line)}
    figures["seconds"] = seconds
    return figures


def run_load(args, app, base, tokens_file, duration, connections, probe=None):
    """One measured run: wrk's figures, the CPU the app and MariaDB spent, rows read, read-model lag."""
    lags = [LagSampler(group) for group in LAG_GROUPS] if args.mode == "mysql" else []
    health = HealthProbe(base, f"http://127.0.0.1:{args.provider_port}/ping")
    health.start()
    visibility = VisibilityProbe(base, *probe) if probe else None
    if visibility:
        visibility.start()
    before = (cpu_seconds(app.pid), cpu_seconds(mariadb_pid()), rows_read(args.mode))
    for lag in lags:
        lag.start()
    if args.profile:
        beside = os.path.join(os.path.dirname(args.java), "jcmd")  # the jcmd of the app's own JDK
        subprocess.run([beside if os.path.exists(beside) else "jcmd", str(app.pid), "JFR.start", "name=bench",
                        "settings=profile", f"filename={ROOT}/bench/profile.jfr", f"duration={duration}s"],
                       check=True, capture_output=True)
    result = run_wrk(base, tokens_file, duration, connections, args.timeout)
    after = (cpu_seconds(app.pid), cpu_seconds(mariadb_pid()), rows_read(args.mode))
    result["lag"] = {lag.group: lag.stop() for lag in lags}
    result["health"] = health.stop()
    if visibility:
        result["visible"] = visibility.stop()
    ok = result["requests"] - result["non2xx"]
    result["ok"] = ok
    result["app_cpu_ms"] = (after[0] - before[0]) * 1000 / max(ok, 1)
    if before[1] is not None and args.mode == "mysql":
        result["db_cpu_ms"] = (after[1] - before[1]) * 1000 / max(ok, 1)
    if before[2] is not None:
        result["rows_read"] = (after[2] - before[2]) / max(ok, 1)
    return result


# --- measurements ----------------------------------------------------------------------------------

def cpu_seconds(pid):
    if pid is None:
        return None
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def report_memory(args, pid):
    """The app's memory after the run as the JVM accounts for it (native memory tracking, committed),
    the AOT cache's mapped pages that are resident, and the heap that is live after a full GC."""
    # the jcmd of the JDK that runs the app (/usr/bin/java is a link into it)
    jcmd = os.path.join(os.path.dirname(os.path.realpath(shutil.which(args.java) or args.java)), "jcmd")

    def ask(*command):
        return subprocess.run([jcmd, str(pid), *command], capture_output=True, text=True).stdout

    committed = {}
    for match in re.finditer(r"^-\s+(.+?) \(reserved=\d+KB, committed=(\d+)KB", ask("VM.native_memory", "summary"), re.M):
        committed[match.group(1).strip()] = int(match.group(2)) / 1024
    aot = 0
    with open(f"/proc/{pid}/smaps") as smaps:
        mapping = None
        for line in smaps:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                mapping = line.split()[-1] if len(line.split()) > 5 else ""
            elif line.startswith("Rss:") and mapping.endswith(".aot"):
                aot += int(line.split()[1]) / 1024
    ask("GC.run")
    # G1 prints one line for its heap; the serial and parallel collectors one per generation
    heap_lines = [line for line in ask("GC.heap_info").splitlines()
                  if "Metaspace" not in line and "class space" not in line]
    used = [int(found.group(1)) for found in (re.search(r"used (\d+)K", line) for line in heap_lines) if found]
    print("\n== app memory after the run (MB) ==")
    rows = [(name, f"{mb:,.0f}") for name, mb in sorted(committed.items(), key=lambda item: -item[1]) if mb >= 5]
    rows.append(("AOT cache pages resident", f"{aot:,.0f}"))
    if used:
        rows.append(("heap live after a full GC", f"{sum(used) / 1024:,.0f}"))
    print_rows(rows)


def mariadb_pid():
    found = subprocess.run(["pidof", "mariadbd"], capture_output=True, text=True).stdout.split()
    return int(found[0]) if found else None


def mysql(sql, database=None):
    command = ["mysql", "-h127.0.0.1", "-uroot", "-N", "-B", "-e", sql]
    if database:
        command.insert(1, database)
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


class MysqlSession:
    """One mysql client kept open for a sampler's queries. A client process per query cost about
    24 ms of CPU to start (and MariaDB a connection): the lag samplers, querying every 100 ms, took
    most of a core from the machine they measured, and slowed /health and the chats with it."""

    END = "--end-of-answer--"

    def __init__(self, database):
        self.client = subprocess.Popen(
            ["mysql", database, "-h127.0.0.1", "-uroot", "-N", "-B", "--unbuffered", "--force"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)

    def query(self, sql):
        self.client.stdin.write(f"{sql.rstrip().rstrip(';')};\nSELECT '{self.END}';\n")
        self.client.stdin.flush()
        lines = []
        while True:
            line = self.client.stdout.readline()
            if not line:
                raise RuntimeError(f"the mysql client ended while answering: {sql}")
            if line.rstrip("\n") == self.END:
                return "\n".join(lines).strip()
            lines.append(line.rstrip("\n"))

    def close(self):
        self.client.stdin.close()
        self.client.wait(10)


def in_bench_database(sql):
    return mysql(sql, DATABASE)


def reset_database():
    mysql(f"DROP DATABASE IF EXISTS {DATABASE}; CREATE DATABASE {DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")


def rows_read(mode):
    if mode != "mysql":
        return None
    return int(mysql("SHOW GLOBAL STATUS LIKE 'Rows_read'").split()[1])


def processed_position(group, query=in_bench_database):
    """The lowest global index the processor has not handled yet, over its segments.

    A token's gaps are positions below its index that it has not seen an event at. Most are events
    whose transaction had not committed when the processor read past them; some never will be (an
    insert rolled back, e.g. a command that lost a race to its aggregate, still used up its
    auto-increment value), and the processor keeps those in its token until they time out (a minute).
    Only a gap that holds an event now is one the processor still owes; counting the others read an
    idle processor as tens of seconds behind."""
    rows = query(f"SELECT CONVERT(token USING utf8mb4) FROM token_entry WHERE processor_name='{group}'")
    lowest = None
    gaps = set()
    for row in rows.splitlines():
        if row == "NULL":
            return 0
        token = json.loads(row)
        token = token.get("tokenAtReset", token) if "tokenAtReset" in token else token
        next_needed = token.get("index", 0) + 1
        gaps.update(token.get("gaps") or [])
        lowest = next_needed if lowest is None else min(lowest, next_needed)
    if gaps:
        listed = ",".join(str(int(gap)) for gap in sorted(gaps))
        filled = query(f"SELECT MIN(global_index) FROM domain_event_entry WHERE global_index IN ({listed})")
        if filled not in ("", "NULL"):
            lowest = min(lowest, int(filled))
    return lowest or 0


def head_position(query=in_bench_database):
    return int(query("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry"))


def wait_caught_up(args, group, seconds):
    if args.mode != "mysql":
        time.sleep(2)
        return
    deadline = time.monotonic() + seconds
    head = head_position()
    while time.monotonic() < deadline and processed_position(group) <= head:
        time.sleep(0.2)


class Sampler:
    """Something measured on a thread of its own while the load runs: start(), then stop() for figures."""

    def __init__(self):
        self.samples = []
        self.running = False

    def start(self):
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def percentiles(self):
        ordered = sorted(self.samples) or [0]
        return {"p50": ordered[len(ordered) // 2], "p99": ordered[max(0, int(len(ordered) * 0.99) - 1)],
                "max": ordered[-1]}


class HealthProbe(Sampler):
    """GET /health every 200 ms during the run: how long it takes while the chats go on. Beside each,
    the same request to nginx's fixed /ping on the same machine: how long any answer took at that
    moment, the floor that a saturated machine (and this Python client) sets for /health."""

    def __init__(self, base, floor_url):
        super().__init__()
        self.base = base
        self.floor_url = floor_url
        self.floor = Sampler()
        self.liveness = Sampler()
        self.failures = 0

    def run(self):
        while self.running:
            for url, samples in ((self.base + "/health", self.samples),
                                 (self.base + "/actuator/health/liveness", self.liveness.samples),
                                 (self.floor_url, self.floor.samples)):
                started = time.monotonic()
                try:
                    with urllib.request.urlopen(url, timeout=10) as answer:
                        answer.read()
                    samples.append(time.monotonic() - started)
                except (urllib.error.URLError, ConnectionError, socket.timeout):
                    self.failures += 1
            time.sleep(0.2)

    def stop(self):
        self.running = False
        self.thread.join(15)
        return dict(self.percentiles(), failures=self.failures, floor=self.floor.percentiles(),
                    liveness=self.liveness.percentiles())


class LagSampler(Sampler):
    """Read-model lag of one processing group: for each sample of the store's head, how long until
    the processor has handled it. An event's lag is at most the lag of the first sample taken after it."""

    def __init__(self, group):
        super().__init__()
        self.group = group

    def run(self):
        session = MysqlSession(DATABASE)
        try:
            self.sample(session.query)
        finally:
            session.close()

    def sample(self, query):
        pending = []
        while self.running or pending:
            now = time.monotonic()
            if self.running:
                pending.append((now, head_position(query)))
            processed = processed_position(self.group, query)
            still = []
            for at, head in pending:
                if processed > head or now - at > 30:
                    self.samples.append(now - at)
                else:
                    still.append((at, head))
            pending = still
            time.sleep(0.1)

    def stop(self):
        self.running = False
        self.thread.join(60)
        return self.percentiles() if self.samples else None


class VisibilityProbe(Sampler):
    """The criterion in its own words: how long after its answer a chat shows in the usage read model.
    One user of the probe's own chats, one chat at a time, and after each answer its daily_usage
    requests are read every 10 ms until the chat is counted. Unlike the token lag above, this is what
    a user sees, and it does not count a segment that had nothing to write as behind."""

    def __init__(self, base, user_id, token):
        super().__init__()
        self.base = base
        self.user_id = user_id
        self.token = token
        self.failures = 0

    def run(self):
        session = MysqlSession(DATABASE)
        try:
            counted = self.counted(session)
            while self.running:
                try:
                    post(self.base + "/api/ai/chat", {"message": "probe"}, self.token)
                except (urllib.error.URLError, ConnectionError, socket.timeout):
                    self.failures += 1
                    continue
                answered = time.monotonic()
                while self.counted(session) <= counted and time.monotonic() - answered < 30:
                    time.sleep(0.01)
                self.samples.append(time.monotonic() - answered)
                counted = self.counted(session)
                time.sleep(0.1)
        finally:
            session.close()

    def counted(self, session):
        return int(session.query(
            f"SELECT COALESCE(SUM(requests), 0) FROM daily_usage WHERE user_id = '{self.user_id}'") or 0)

    def stop(self):
        self.running = False
        self.thread.join(60)
        return dict(self.percentiles(), count=len(self.samples), failures=self.failures) if self.samples else None


def slap_ceiling():
    """MariaDB's own rate of durable, event-sized single-row inserts from 16 connections."""
    schema = "flowmatik_slap"
    payload = "x" * 600
    create = ("CREATE TABLE e (id BIGINT AUTO_INCREMENT PRIMARY KEY, aggregate_identifier VARCHAR(255), "
              "sequence_number BIGINT, payload LONGBLOB, UNIQUE KEY (aggregate_identifier, sequence_number)) ENGINE=InnoDB")
    insert = f"INSERT INTO e (aggregate_identifier, sequence_number, payload) VALUES (UUID(), 0, '{payload}')"
    output = subprocess.run(
        ["mariadb-slap", "-h127.0.0.1", "-uroot", f"--create-schema={schema}", "--concurrency=16",
         "--iterations=1", "--number-of-queries=16000", f"--create={create}", f"--query={insert}"],
        capture_output=True, text=True, check=True).stdout
    seconds = float(re.search(r"Average number of seconds to run all queries: ([\d.]+)", output).group(1))
    return 16000 / seconds


def report(label, result, ceiling=None, start_seconds=None, rss=None):
    ok = result["ok"]
    rate = ok / result["seconds"]
    print(f"\n== {label}: {result['seconds']} s ==")
    rows = [
        ("chats answered 200 per second", f"{rate:,.0f}"),
        ("errors (non-2xx, timeouts, connect)", f"{result['non2xx']}, {result['timeout']}, {result['connect']}"),
        ("latency p50 / p90 / p99", f"{result['p50'] / 1000:.1f} / {result['p90'] / 1000:.1f} / {result['p99'] / 1000:.1f} ms"),
        ("app CPU per chat", f"{result['app_cpu_ms']:.2f} ms"),
    ]
    if "db_cpu_ms" in result:
        rows.append(("MariaDB CPU per chat", f"{result['db_cpu_ms']:.2f} ms"))
    if "rows_read" in result:
        rows.append(("rows read per chat (Rows_read)", f"{result['rows_read']:.1f}"))
    for group, lag in (result.get("lag") or {}).items():
        if lag:
            rows.append((f"{group} read-model lag p50 / p99 / max",
                         f"{lag['p50'] * 1000:.0f} / {lag['p99'] * 1000:.0f} / {lag['max'] * 1000:.0f} ms"))
    if result.get("visible"):
        seen = result["visible"]
        rows.append(("chat to usage read model p50 / p99 / max", f"{seen['p50'] * 1000:.0f} / {seen['p99'] * 1000:.0f}"
                     f" / {seen['max'] * 1000:.0f} ms ({seen['count']} probes)"))
    if result.get("health"):
        health = result["health"]
        rows.append(("GET /health during the run p99 / max", f"{health['p99'] * 1000:.0f} / {health['max'] * 1000:.0f} ms, {health['failures']} failed"))
        liveness, floor = health["liveness"], health["floor"]
        rows.append(("  liveness (asks no component) p99 / max", f"{liveness['p99'] * 1000:.0f} / {liveness['max'] * 1000:.0f} ms"))
        rows.append(("  nginx's fixed /ping, same moments p99 / max", f"{floor['p99'] * 1000:.0f} / {floor['max'] * 1000:.0f} ms"))
    if ceiling:
        rows.append(("MariaDB durable inserts/s (mariadb-slap, c16)", f"{ceiling:,.0f}"))
        rows.append(("chats/s as a share of that ceiling", f"{rate / ceiling * 100:.1f} %"))
    if start_seconds is not None:
        rows.append(("start to healthy", f"{start_seconds:.1f} s"))
    if rss is not None:
        rows.append(("app RSS after the run", f"{rss:.0f} MB"))
    print_rows(rows)


def print_rows(rows):
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name.ljust(width)}  {value}")


def write_lines(path, lines):
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()

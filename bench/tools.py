"""What the benchmarks share besides the data and the browser: signals, gunicorn and Redis on
loopback, wrk and its output.

Nothing here imports the app; bench/data.py is the only module that does.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import runpy
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = ROOT / "gunicorn.conf.py"


# Programs and signals


def require(*programs: str) -> None:
    """Stop with a clear message when a program the benchmark needs is missing."""
    missing = []
    for program in programs:
        if program == "gunicorn":
            if importlib.util.find_spec("gunicorn") is None:
                missing.append("gunicorn (install the project: make .venv/.installed-…)")
        elif shutil.which(program) is None:
            missing.append(f"{program} (apt-get install {program})")
    if missing:
        raise SystemExit("missing: " + "; ".join(missing))


def run_cleanly(main: Callable[[], None]) -> None:
    """Run a benchmark so that Ctrl-C, SIGTERM or SIGHUP stop it in order: the `finally`
    blocks stop its servers and drop its databases, then it exits with a short message.

    SIGINT gets Python's handler even where a shell started the script in the background
    with SIGINT ignored. Servers run in their own session, so a terminal's Ctrl-C reaches
    only this process, which then stops them itself.
    """

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(signal.Signals(signum).name)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, interrupt)
    try:
        main()
    except KeyboardInterrupt as stopped:
        name = stopped.args[0] if stopped.args else "SIGINT"
        raise SystemExit(f"stopped by {name}; servers and temporary databases removed") from None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped at start-up:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (OSError, urllib.error.HTTPError):
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer within {seconds:.0f} s:\n{tail(log)}")


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop_process_group(process: subprocess.Popen[bytes], grace: float = 30) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


# Servers


@dataclass
class ServerSettings:
    """What gunicorn.conf.py gives for this environment: the production settings."""

    workers: int
    threads: int
    # The gunicorn master's process id, once it runs (its workers are its children).
    pid: int = 0


def production_settings(env: dict[str, str]) -> ServerSettings:
    saved = dict(os.environ)
    try:
        os.environ.update(env)
        conf = runpy.run_path(str(GUNICORN_CONF))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return ServerSettings(int(conf.get("workers", 1)), int(conf.get("threads", 1)))


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], workers: int | None = None, threads: int | None = None
) -> Iterator[tuple[str, ServerSettings]]:
    """`gunicorn -c gunicorn.conf.py app:app` on a free loopback port; yields its base URL.

    The access log (one line per request, as in production) goes to /dev/null; errors go to a
    file that is shown when the server does not come up.
    """
    port = free_port()
    env = {**env, "MOTIETRACKER_BIND": f"127.0.0.1:{port}"}
    if workers is not None:
        env["MOTIETRACKER_WORKERS"] = str(workers)
    if threads is not None:
        env["MOTIETRACKER_THREADS"] = str(threads)
    settings = production_settings(env)
    log = Path(tempfile.mkstemp(prefix="motietracker-bench-gunicorn-", suffix=".log")[1])
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "app:app"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz", process, log)
        settings.pid = process.pid
        yield base, settings
    finally:
        stop_process_group(process)
        log.unlink(missing_ok=True)


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A Redis without persistence on a free loopback port; yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop_process_group(process, grace=10)


# wrk

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass
class WrkResult:
    requests: int
    seconds: float
    rps: float
    # Latency percentiles in milliseconds, from wrk's "Latency Distribution" table (--latency)
    # or from a Lua `done` hook.
    latency_ms: dict[int, float]
    non_2xx_3xx: int
    socket_errors: int
    output: str

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + self.socket_errors


def parse_wrk(output: str) -> WrkResult:
    """Read wrk's summary. The percentiles come from the distribution table that `--latency`
    prints; the thread statistics above it (Latency avg, stdev, max, +/- stdev) are not read."""
    requests = re.search(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h)", output, re.M)
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    if requests is None or rps is None:
        raise RuntimeError(f"cannot read wrk's output:\n{output}")
    latency: dict[int, float] = {}
    table = output.split("Latency Distribution", 1)
    if len(table) == 2:
        for percent, value, unit in re.findall(
            r"^\s+(\d+)%\s+([\d.]+)(us|ms|s|m|h)\s*$", table[1], re.M
        ):
            latency[int(percent)] = float(value) * UNITS_MS[unit]
    found = re.search(r"^RESULT (.*)$", output, re.M)
    if found:  # percentiles from the Lua hook, in microseconds
        for key, value in re.findall(r"p(\d+)=(\d+)", found.group(1)):
            latency[int(key)] = int(value) / 1000
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return WrkResult(
        requests=int(requests.group(1)),
        seconds=float(requests.group(2)) * UNITS_MS[requests.group(3)] / 1000,
        rps=float(rps.group(1)),
        latency_ms=latency,
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in sockets.groups()) if sockets else 0,
        output=output,
    )


def run_wrk(
    url: str,
    seconds: float,
    connections: int,
    threads: int = 1,
    script: Path | None = None,
    headers: Sequence[str] = ("Accept-Encoding: gzip",),
) -> WrkResult:
    duration = max(1, round(seconds))  # wrk takes whole seconds
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    command += ["--timeout", "10s"]
    for header in headers:
        command += ["-H", header]
    if script is not None:
        command += ["-s", str(script)]
    finished = subprocess.run([*command, url], capture_output=True, text=True)
    if finished.returncode != 0:
        raise RuntimeError(f"wrk failed on {url}:\n{finished.stdout}{finished.stderr}")
    return parse_wrk(finished.stdout)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")

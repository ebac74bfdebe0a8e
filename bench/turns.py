"""Turn benchmark: Gap Bot's full reflection flow against the stock botbuilder echo bot.

Both bots run as real server processes on loopback; this process is their channel (it records
the replies) and drives N concurrent conversations. Each Gap Bot conversation sends a reflection
(redact, classify, state, card) and then saves it (commit, reply); each echo conversation sends two
messages. A turn's latency is the HTTP round trip of its activity, which includes the bot's reply
to the channel. Usage: python bench/turns.py [--conversations 50] [--rounds 4] [--repeats 3] [--database-url URL]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support import activities  # noqa: E402
from tests.support.channel import LoopbackChannel  # noqa: E402

REFLECTIONS = [
    "Carer in Gorton at breaking point, her son is autistic and there is no autism outreach with capacity, "
    "waiting list 9 months",
    "hasnt left the flat since his wife died, nobody to talk to, befriending list closed in Harpurhey",
    "double up calls in Wythenshawe still not picked up, day 9, wife doing everything",
    "no respite beds for Mr Ahmed (NHS 485 777 3456) in Levenshulme, carer exhausted, call 07700 900123",
]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    name: str
    latencies: list[float] = field(default_factory=list)
    turns: int = 0
    stored: int = 0
    seconds: float = 0.0
    server_cpu: float = 0.0

    def line(self) -> str:
        ms = sorted(x * 1000 for x in self.latencies)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        rate = f"{self.stored / self.seconds:7.1f} reflections/s" if self.stored else " " * 21
        return (f"{self.name:<24} {self.turns:5d} turns {self.turns / self.seconds:7.1f} turns/s {rate}"
                f"  p50 {statistics.median(ms):6.1f} ms  p99 {p99:6.1f} ms"
                f"  server CPU {self.server_cpu / self.turns * 1000:5.2f} ms/turn")


async def _start(cmd: list[str], env: dict[str, str], url: str) -> subprocess.Popen:
    process = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            try:
                async with http.get(f"{url}/healthz") as response:
                    if response.status == 200:
                        return process
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{cmd} did not start")


async def _turn(http: aiohttp.ClientSession, url: str, activity: dict, run: Run) -> None:
    started = time.perf_counter()
    async with http.post(f"{url}/api/messages", json=activity) as response:
        assert response.status in (200, 201), response.status
    run.latencies.append(time.perf_counter() - started)
    run.turns += 1


async def _gapbot_conversation(http, url, channel, conversation, rounds, run) -> None:  # type: ignore[no-untyped-def]
    for i in range(rounds):
        seen = len(channel.for_conversation(conversation))
        await _turn(http, url, activities.message(channel.url, conversation, REFLECTIONS[i % len(REFLECTIONS)]), run)
        card = (await channel.wait_for(conversation, seen + 1))[seen]["attachments"][0]["content"]
        value = {"action": "save", "draft_id": card["actions"][0]["data"]["draft_id"], "assessment_for": "carer"}
        await _turn(http, url, activities.message(channel.url, conversation, value=value), run)
        saved = (await channel.wait_for(conversation, seen + 2))[seen + 1]
        assert saved["text"].startswith("Saved as GAP-"), saved["text"]
        run.stored += 1


async def _echo_conversation(http, url, channel, conversation, rounds, run) -> None:  # type: ignore[no-untyped-def]
    for i in range(rounds * 2):
        await _turn(http, url, activities.message(channel.url, conversation, REFLECTIONS[i % len(REFLECTIONS)]), run)


async def _drive(name: str, url: str, server: subprocess.Popen, channel: LoopbackChannel,  # type: ignore[no-untyped-def]
                 conversation_fn, conversations: int, rounds: int) -> Run:
    connector = aiohttp.TCPConnector(limit=conversations)
    async with aiohttp.ClientSession(connector=connector) as http:
        await conversation_fn(http, url, channel, f"warmup-{name}", 2, Run("warmup"))
        run = Run(name)
        started, cpu_before = time.perf_counter(), cpu_seconds(server.pid)
        run_id = uuid.uuid4().hex[:8]
        await asyncio.gather(*(conversation_fn(http, url, channel, f"{name}-{run_id}-{c}", rounds, run)
                               for c in range(conversations)))
        run.seconds = time.perf_counter() - started
        run.server_cpu = cpu_seconds(server.pid) - cpu_before
        return run


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4, help="reflections saved per conversation")
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temp folder")
    parser.add_argument("--repeats", type=int, default=3, help="alternating runs of each bot; medians reported")
    args = parser.parse_args()
    channel = await LoopbackChannel().start()
    with tempfile.TemporaryDirectory() as tmp:
        database_url = args.database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
        echo = await _start([sys.executable, "bench/echo_bot.py", "3981"], {}, "http://127.0.0.1:3981")
        gap = await _start([sys.executable, "app.py"],
                           {"PORT": "3982", "DATABASE_URL": database_url, "LOG_LEVEL": "WARNING",
                            "MicrosoftAppId": "", "NLP_MODEL": os.environ.get("NLP_MODEL", "")},
                           "http://127.0.0.1:3982")
        try:
            print(f"{args.conversations} concurrent conversations, {args.rounds} rounds each, "
                  f"database {database_url.split(':')[0]}, {os.cpu_count()} cores")
            echo_runs, gap_runs = [], []
            for _ in range(args.repeats):  # alternate, so drift on the machine hits both bots alike
                echo_runs.append(await _drive("stock echo bot", "http://127.0.0.1:3981", echo, channel,
                                              _echo_conversation, args.conversations, args.rounds))
                gap_runs.append(await _drive("Gap Bot reflection flow", "http://127.0.0.1:3982", gap, channel,
                                             _gapbot_conversation, args.conversations, args.rounds))
        finally:
            for process in (echo, gap):
                process.terminate()
                process.wait()
    await channel.stop()
    echo_run, gap_run = _median_run(echo_runs), _median_run(gap_runs)
    print(f"median of {args.repeats} alternating runs each:")
    print(echo_run.line())
    print(gap_run.line())
    echo_p50, gap_p50 = statistics.median(echo_run.latencies), statistics.median(gap_run.latencies)
    print(f"Gap Bot p50 turn latency / echo p50: {gap_p50 / echo_p50:.2f} "
          f"({'meets' if gap_p50 <= echo_p50 else 'misses'} the target of <= 1.00)")
    print(f"Gap Bot turns/s / echo turns/s: {(gap_run.turns / gap_run.seconds) / (echo_run.turns / echo_run.seconds):.2f}")
    print(f"Gap Bot server CPU per turn / echo: {(gap_run.server_cpu / gap_run.turns) / (echo_run.server_cpu / echo_run.turns):.2f}")


def _median_run(runs: list[Run]) -> Run:
    """The run with the median p50 latency."""
    return sorted(runs, key=lambda run: statistics.median(run.latencies))[len(runs) // 2]

if __name__ == "__main__":
    asyncio.run(main())

"""Web pages under load: 20 people at once against a real WSGI server, with a full-size authority in PostgreSQL.

The data set: one authority with ``--plans`` plans (default 20,000), each with a document version and a finished
automated pre-audit whose stored document and findings are copied from real engine output on a few synthetic plans;
a second authority with a smaller register (so every query has to keep to its own authority); one audit round with
``--audits`` audits (default 5,000) of the first authority, every criterion of the national framework judged.

The application is served by gunicorn (gthread workers) on 127.0.0.1 with DEBUG off. This process then plays
``--users`` people (default 20), each with their own signed-in session, asking for pages as fast as the server
answers. Each page is asked for ``--requests`` times (default 600) or for ``--seconds`` (default 30), whichever
ends first, after a short warm-up that is not counted. The budget is a 95th percentile under 300 ms.

Run: ``.venv/bin/python bench/bench_web.py [--plans N] [--audits N] [--users N]``. Without EHCPQA_DATABASE_URL
pointing at PostgreSQL it re-runs itself under scripts/with-postgres.sh (a throwaway cluster on loopback).
Writes bench/results/web.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "web.json"
BUDGET_P95_MS = 300
HOST = "127.0.0.1"
AS_OF = date(2026, 11, 23)
NOW = datetime(2026, 11, 1, tzinfo=UTC)
SAMPLE_PLANS = 6  # distinct engine outputs, reused round-robin across the register
FINDINGS_PER_PLAN = 10
OTHER_AUTHORITY_PLANS = 3_000
SOLO_REQUESTS = 100  # requests of the one-user baseline per page
NEEDS = ["ASD", "SLCN", "SEMH", "MLD", "SpLD", "SLD", "PMLD", "HI", "VI", "PD", "OTH"]
SETTINGS = ["Mainstream", "Special", "Resourced provision", "Independent special", "Post-16 college"]
TEAMS = ["North", "South", "East", "West", "Post-16"]
ANSWERS = ["met", "met", "partly-met", "not-met", "not-applicable", ""]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=20_000)
    parser.add_argument("--audits", type=int, default=5_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--requests", type=int, default=600, help="counted requests per page (at most)")
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit per page")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    args = parser.parse_args()
    url = os.environ.get("EHCPQA_DATABASE_URL", "")
    if not url.startswith("postgres"):
        script = ROOT / "scripts" / "with-postgres.sh"
        return subprocess.run(
            ["bash", str(script), sys.executable, __file__, *sys.argv[1:]], cwd=ROOT, check=False
        ).returncode

    data_dir = Path(tempfile.mkdtemp(prefix="ehcpqa-bench-web-"))
    server_env = {
        "EHCPQA_DEBUG": "false",
        "EHCPQA_SECRET_KEY": "bench-only-key",
        "EHCPQA_SECURE_COOKIES": "false",
        "EHCPQA_ALLOWED_HOSTS": HOST,
        "EHCPQA_DATA_DIR": str(data_dir),
        "EHCPQA_LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "ehcpqa.settings",
    }
    os.environ.update(server_env)
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    data = build(plans=args.plans, audits=args.audits, users=args.users, data_dir=data_dir)
    build_seconds = time.perf_counter() - started
    print(f"built in {build_seconds:.0f} s: {data.sizes}", flush=True)
    sessions = data.sessions()
    from django.db import connection, connections

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    # The postmaster is the parent of every backend: its children's CPU is the database's share of the load.
    postmaster = int(
        next(
            line.split()[1]
            for line in Path(f"/proc/{backend}/status").read_text().splitlines()
            if line.startswith("PPid:")
        )
    )
    connections.close_all()  # the server has the database to itself while it is measured

    port = free_port()
    server = start_server(port, workers=args.workers, threads=args.threads, env={**os.environ, **server_env})
    try:
        timings = measure(
            port, data, sessions, requests=args.requests, seconds=args.seconds, pids=(server.pid, postmaster)
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
    result = {
        "benchmark": "web",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "database": "PostgreSQL (throwaway cluster on loopback, fsync off)",
        "server": f"gunicorn gthread, {args.workers} workers x {args.threads} threads, DEBUG off, 127.0.0.1",
        "load": f"{args.users} concurrent users (threads of a second process, keep-alive, own session each)",
        "data": data.sizes,
        "build_seconds": round(build_seconds, 1),
        "budget_p95_ms": BUDGET_P95_MS,
        "pages": timings,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print_table(timings)
    return 0 if all(t["errors"] == 0 for t in timings.values()) else 1


# --- building the data set -----------------------------------------------------------------------------------------


@dataclass
class Outcome:
    document: str
    metadata: str
    section_grades: str
    score: int | None
    grade: str
    child_name: str
    findings: list[tuple[object, ...]]


def sample_outcomes(count: int, tmp: Path) -> list[Outcome]:
    """Real engine output on a few synthetic plans, ready to copy into rows."""
    from ehcp_analysis.synth.build import build_plan
    from ehcp_analysis.synth.render import render_bytes
    from ehcpqa.analysis.engine import analyse_file

    out = []
    index = 0
    while len(out) < count:
        index += 1
        plan = build_plan(seed=20261123, index=index, as_of=AS_OF)
        path = tmp / f"sample-{index}.docx"
        path.write_bytes(render_bytes(plan, "docx"))
        outcome = analyse_file(path, as_of=AS_OF)
        if not outcome.ok:
            continue
        findings = []
        for f in outcome.findings[:FINDINGS_PER_PLAN]:
            evidence = f.get("evidence") or {}
            location = evidence.get("location")
            findings.append(
                (
                    str(f["code"])[:60],
                    str(f.get("criterion") or "")[:12],
                    str(f.get("section") or "")[:4],
                    str(f.get("severity") or "")[:8],
                    str(f.get("message") or ""),
                    str(evidence.get("text") or ""),
                    json.dumps(location) if location is not None else None,
                    str(f.get("suggestion") or ""),
                )
            )
        out.append(
            Outcome(
                json.dumps(outcome.document),
                json.dumps(outcome.metadata),
                json.dumps(outcome.section_grades),
                outcome.suggested_score,
                outcome.suggested_grade,
                str(outcome.metadata.get("child_name") or ""),
                findings,
            )
        )
    return out


@dataclass
class BenchData:
    officer_ids: list[int]
    auditor_ids: list[int]
    plan_ids: list[int]
    audits_by_auditor: dict[int, list[int]]
    sections: list[str]
    sizes: dict[str, int] = field(default_factory=dict)

    def sessions(self) -> dict[int, str]:
        """A signed-in session per user, made directly (signing in through the form would time Argon2)."""
        from django.conf import settings
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        from ehcpqa.accounts.models import User

        out = {}
        for user in User.objects.filter(pk__in=self.officer_ids + self.auditor_ids):
            store = SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            store.create()
            out[user.pk] = store.session_key or ""
        return out


def build(*, plans: int, audits: int, users: int, data_dir: Path) -> BenchData:
    from bench_reporting import (
        AUDIT_COLS,
        FINDING_COLS,
        JUDGEMENT_COLS,
        PLAN_COLS,
        RUN_COLS,
        VERSION_COLS,
        copy_rows,
        reset_sequences,
    )
    from django.conf import settings
    from django.db import connection

    from ehcpqa.accounts.models import LocalAuthority, Role, RoleGrant, User
    from ehcpqa.analysis.models import AnalysisRun, StoredFinding
    from ehcpqa.audits.frameworks import framework_import_default
    from ehcpqa.audits.models import Audit, AuditRound, CriterionJudgement
    from ehcpqa.audits.selectors import audit_sections
    from ehcpqa.plans.models import Plan, PlanVersion

    rng = random.Random(20261123)
    outcomes = sample_outcomes(SAMPLE_PLANS, data_dir)
    # One tiny placeholder shared by every version: the pages under test never open the file itself.
    placeholder = "plans/bench-placeholder.docx"
    (Path(settings.MEDIA_ROOT) / "plans").mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / placeholder).write_bytes(b"placeholder")

    main_la = LocalAuthority.objects.create(name="Bench Web Authority", slug="bench-web")
    other_la = LocalAuthority.objects.create(name="Bench Web Neighbour", slug="bench-web-neighbour")

    def make_users(la: LocalAuthority, prefix: str, count: int, role: Role) -> list[int]:
        made = User.objects.bulk_create(
            [
                User(
                    username=f"{prefix}-{k}",
                    local_authority=la,
                    display_name=f"{prefix.title()} Person {k}",
                    first_name="Sam",
                    last_name=f"{prefix.title()}{k}",
                    password="!",
                )
                for k in range(count)
            ]
        )
        RoleGrant.objects.bulk_create([RoleGrant(user=u, role=role) for u in made])
        return [u.pk for u in made]

    officers = make_users(main_la, "officer", users, Role.CASE_OFFICER)
    auditors = make_users(main_la, "auditor", users, Role.AUDITOR)
    other_officers = make_users(other_la, "neighbour", 5, Role.CASE_OFFICER)

    framework, _created = framework_import_default()
    criteria = list(framework.criteria.values_list("id", flat=True))
    sections = audit_sections(list(framework.criteria.all()))
    audit_round = AuditRound.objects.create(
        local_authority=main_la,
        name="Bench round",
        framework=framework,
        period_start=date(2026, 4, 1),
        period_end=date(2026, 10, 31),
        sample_kind="all",
    )

    plan_rows: list[tuple[object, ...]] = []
    version_rows: list[tuple[object, ...]] = []
    run_rows: list[tuple[object, ...]] = []
    finding_rows: list[tuple[object, ...]] = []
    plan_id = finding_id = 0
    main_plan_ids: list[int] = []
    for la, count, staff in ((main_la, plans, officers), (other_la, OTHER_AUTHORITY_PLANS, other_officers)):
        for _ in range(count):
            plan_id += 1
            sample = outcomes[plan_id % len(outcomes)]
            dob = date(2008, 1, 1) + timedelta(days=rng.randrange(5000))
            plan_rows.append(
                (
                    plan_id,
                    la.pk,
                    f"EHC-{plan_id:07d}",
                    sample.child_name,
                    dob,
                    rng.randint(-1, 14),
                    rng.choice(NEEDS),
                    rng.choice(SETTINGS),
                    "Maintained",
                    rng.random() < 0.07,
                    "final",
                    None,
                    date(2019, 1, 1) + timedelta(days=rng.randrange(2800)),
                    None,
                    rng.choice(staff),
                    rng.choice(TEAMS),
                    NOW,
                    NOW,
                )
            )
            # Version, run and plan share an id: one version and one finished run per plan.
            version_rows.append(
                (plan_id, plan_id, 1, placeholder, "plan.docx", f"{plan_id:064d}", 11, "docx", None, NOW, None)
            )
            run_rows.append(
                (
                    plan_id,
                    plan_id,
                    "done",
                    "bench",
                    "england-send",
                    "1",
                    AS_OF,
                    "",
                    "",
                    sample.score,
                    sample.grade,
                    sample.section_grades,
                    sample.document,
                    sample.metadata,
                    NOW,
                    NOW,
                    NOW,
                    None,
                )
            )
            for finding in sample.findings:
                finding_id += 1
                finding_rows.append((finding_id, plan_id, *finding))
            if la == main_la:
                main_plan_ids.append(plan_id)
            if len(plan_rows) >= 2_000:
                _flush(
                    copy_rows,
                    [
                        (Plan, plan_rows, PLAN_COLS),
                        (PlanVersion, version_rows, VERSION_COLS),
                        (AnalysisRun, run_rows, RUN_COLS),
                        (StoredFinding, finding_rows, FINDING_COLS),
                    ],
                )
    _flush(
        copy_rows,
        [
            (Plan, plan_rows, PLAN_COLS),
            (PlanVersion, version_rows, VERSION_COLS),
            (AnalysisRun, run_rows, RUN_COLS),
            (StoredFinding, finding_rows, FINDING_COLS),
        ],
    )

    audit_rows: list[tuple[object, ...]] = []
    judgement_rows: list[tuple[object, ...]] = []
    audits_by_auditor: dict[int, list[int]] = {a: [] for a in auditors}
    judgement_id = 0
    for audit_id, plan in enumerate(rng.sample(main_plan_ids, audits), start=1):
        auditor = auditors[audit_id % len(auditors)]
        audits_by_auditor[auditor].append(audit_id)
        audit_rows.append(
            (
                audit_id,
                audit_round.pk,
                plan,
                plan,
                auditor,
                f"A{audit_id:05d}",
                "in_progress",
                0,
                None,
                "",
                "{}",
                None,
                "",
                "",
                None,
                NOW,
                NOW,
                None,
            )
        )
        for criterion in criteria:
            judgement_id += 1
            judgement_rows.append((judgement_id, audit_id, criterion, rng.choice(ANSWERS), "", auditor, NOW))
        if len(judgement_rows) >= 100_000:
            _flush(copy_rows, [(Audit, audit_rows, AUDIT_COLS), (CriterionJudgement, judgement_rows, JUDGEMENT_COLS)])
    _flush(copy_rows, [(Audit, audit_rows, AUDIT_COLS), (CriterionJudgement, judgement_rows, JUDGEMENT_COLS)])
    reset_sequences(Plan, PlanVersion, AnalysisRun, StoredFinding, Audit, CriterionJudgement)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the steady state autovacuum keeps a live database in
    blocks = [sum(len(s["blocks"]) for s in json.loads(o.document)["sections"]) for o in outcomes]
    sizes = {
        "plans_main_authority": plans,
        "plans_other_authority": OTHER_AUTHORITY_PLANS,
        "analysis_runs": plan_id,
        "stored_findings": finding_id,
        "audits": audits,
        "criterion_judgements": judgement_id,
        "criteria_per_audit": len(criteria),
        "distinct_sample_documents": len(outcomes),
        "blocks_per_document_min": min(blocks),
        "blocks_per_document_max": max(blocks),
        "document_json_bytes_max": max(len(o.document) for o in outcomes),
    }
    return BenchData(officers, auditors, main_plan_ids, audits_by_auditor, sections, sizes)


def _flush(
    copy_rows: Callable[..., int], batches: list[tuple[type, list[tuple[object, ...]], tuple[str, ...]]]
) -> None:
    for model, rows, cols in batches:
        if rows:
            copy_rows(model, cols, rows)
            rows.clear()


# --- serving -------------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(port: int, *, workers: int, threads: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "ehcpqa.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--worker-class",
            "gthread",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
            "--chdir",
            str(ROOT / "src"),
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gunicorn exited before it was ready") from None
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start listening within 60 s")


# --- load ----------------------------------------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    users: list[int]  # whose sessions ask for it
    path: Callable[[random.Random, int], str]  # (rng, user id) -> path


def measure(
    port: int, data: BenchData, sessions: dict[int, str], *, requests: int, seconds: float, pids: tuple[int, int]
) -> dict[str, dict[str, object]]:
    text_sections = [s for s in data.sections if s not in ("GEN", "P")]
    pages = [
        Page("plan list, page 1", data.officer_ids, lambda r, u: "/plans/"),
        Page(
            "plan list, filtered (need + year, page 2)",
            data.officer_ids,
            lambda r, u: f"/plans/?primary_need={r.choice(NEEDS[:4])}&year_group={r.randint(1, 11)}&page=2",
        ),
        Page("plan list, deep page", data.officer_ids, lambda r, u: f"/plans/?page={r.randint(100, 400)}"),
        Page("plan page (random plan, masked)", data.officer_ids, lambda r, u: f"/plans/{r.choice(data.plan_ids)}/"),
        Page(
            "audit form (auditor's section page)",
            data.auditor_ids,
            lambda r, u: f"/audits/{r.choice(data.audits_by_auditor[u])}/sections/{r.choice(text_sections)}/",
        ),
    ]
    results = {}
    for page in pages:
        run_load(port, page, sessions, total=max(20, len(page.users) * 2), seconds=seconds)  # warm-up, not counted
        # One person alone first: what the page costs without queueing behind the others.
        alone, _errors, _wall, _sizes = run_load(
            port, Page(page.name, page.users[:1], page.path), sessions, total=SOLO_REQUESTS, seconds=seconds
        )
        load_before = os.getloadavg()[0]
        cpu_before = cpu_seconds(*pids)
        samples, errors, wall, sizes = run_load(port, page, sessions, total=requests, seconds=seconds)
        cpu = {k: v - cpu_before[k] for k, v in cpu_seconds(*pids).items()}
        served = max(1, len(samples) + errors)
        ordered = sorted(samples)
        row: dict[str, object] = {
            "requests": len(samples),
            "errors": errors,
            "seconds": round(wall, 1),
            "requests_per_second": round(len(samples) / wall, 1) if wall else 0.0,
            "p50_ms": round(statistics.median(ordered), 1) if ordered else None,
            "p95_ms": round(percentile(ordered, 0.95), 1) if ordered else None,
            "p99_ms": round(percentile(ordered, 0.99), 1) if ordered else None,
            "max_ms": round(ordered[-1], 1) if ordered else None,
            "mean_response_kb": round(statistics.mean(sizes) / 1024, 1) if sizes else None,
            "one_user_p50_ms": round(statistics.median(alone), 1) if alone else None,
            "one_user_p95_ms": round(percentile(sorted(alone), 0.95), 1) if alone else None,
            "machine_load_1min_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            # CPU time per request: the gunicorn workers, PostgreSQL, this load generator, and all of the machine
            # (the rest of "machine" is anything else running on the box at the time).
            "cpu_ms_per_request": {k: round(1000 * v / served, 1) for k, v in cpu.items()},
        }
        row["within_budget"] = bool(ordered) and errors == 0 and float(row["p95_ms"]) < BUDGET_P95_MS  # type: ignore[arg-type]
        results[page.name] = row
        print(f"{page.name}: p95 {row['p95_ms']} ms, {row['requests_per_second']} req/s, {errors} errors", flush=True)
    return results


def cpu_seconds(server_pid: int, postmaster_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the gunicorn workers, PostgreSQL, this process and the whole machine (/proc).

    Processes that end between two readings take their CPU with them, so "database" can undercount a little;
    the server keeps its connections open (CONN_MAX_AGE), so few do.
    """
    tick = os.sysconf("SC_CLK_TCK")

    def of(pid: int) -> float:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / tick  # utime and stime

    def children(pid: int) -> list[int]:
        try:
            return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    usage = os.times()
    busy = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    # user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
    machine = sum(int(v) for i, v in enumerate(busy[:8]) if i not in (3, 4)) / tick
    return {
        "server": of(server_pid) + sum(of(c) for c in children(server_pid)),
        "database": of(postmaster_pid) + sum(of(c) for c in children(postmaster_pid)),
        "load_generator": usage.user + usage.system,
        "machine": machine,
    }


def percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, max(0, int(round(q * len(ordered))) - 1))]


def run_load(
    port: int, page: Page, sessions: dict[int, str], *, total: int, seconds: float
) -> tuple[list[float], int, float, list[int]]:
    """One thread per user, each on its own keep-alive connection, until ``total`` requests or ``seconds``."""
    lock = threading.Lock()
    issued = 0
    samples: list[float] = []
    sizes: list[int] = []
    errors = 0
    deadline = time.monotonic() + seconds

    def user(index: int, user_id: int) -> None:
        nonlocal issued, errors
        rng = random.Random(f"{page.name}-{index}")
        headers = {"Cookie": f"sessionid={sessions[user_id]}", "Host": HOST}
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        try:
            while time.monotonic() < deadline:
                with lock:
                    if issued >= total:
                        return
                    issued += 1
                path = page.path(rng, user_id)
                started = time.perf_counter()
                try:
                    conn.request("GET", path, headers=headers)
                    response = conn.getresponse()
                    body = response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection(HOST, port, timeout=30)
                    ok, body = False, b""
                took = 1000 * (time.perf_counter() - started)
                with lock:
                    if ok:
                        samples.append(took)
                        sizes.append(len(body))
                    else:
                        errors += 1
        finally:
            conn.close()

    threads = [threading.Thread(target=user, args=(i, u)) for i, u in enumerate(page.users)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples, errors, time.perf_counter() - started, sizes


def print_table(timings: dict[str, dict[str, object]]) -> None:
    print(
        f"\n{'page':<42} {'n':>5} {'err':>4} {'req/s':>6} {'p50':>7} {'p95':>7} {'p99':>7} {'1-user p95':>10}"
        f"  p95 < {BUDGET_P95_MS} ms"
    )
    for name, t in timings.items():
        print(
            f"{name:<42} {t['requests']:>5} {t['errors']:>4} {t['requests_per_second']:>6} {t['p50_ms']:>7} "
            f"{t['p95_ms']:>7} {t['p99_ms']:>7} {t['one_user_p95_ms']:>10}  {'pass' if t['within_budget'] else 'FAIL'}"
        )


if __name__ == "__main__":
    sys.exit(main())

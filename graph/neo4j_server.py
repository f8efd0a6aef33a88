"""Run a real Neo4j 5 Community server locally, without Docker or a distribution tarball.

Why this exists: sckg needs a real Neo4j for users and for its tests, but we cannot
assume Docker or a Neo4j install. Java 17+ and Maven are enough: Maven resolves the
server jars from Maven Central once into a cache, and we launch the server's own entry
point (``org.neo4j.server.CommunityEntryPoint``) with ``java -cp <lib>/*`` against a
generated, loopback-only configuration.

Files in a server home (``default_home()`` unless given):

* ``conf/neo4j.conf`` -- regenerated on every start.
* ``data/``, ``logs/``, ``run/``, ``import/``, ``plugins/`` -- Neo4j's own directories.
* ``logs/console.log`` -- the JVM's stdout/stderr (startup crashes land here).
* ``server.json`` -- the running server (pid, ports, password, version); removed on stop.
* ``credentials.json`` -- the password set on first start, kept so a later start of the
  same home can log in again.
* ``ports.json`` -- the ports of the last start, reused by the next when still free.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import platformdirs
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

DEFAULT_VERSION = "5.26.16"
MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
USER = "neo4j"
DEFAULT_PASSWORD = "neo4j"  # Neo4j's factory password; it must be changed before use.
MIN_PASSWORD_LENGTH = 8  # Neo4j 5 default for dbms.security.auth_minimum_password_length.
HOST = "127.0.0.1"

HEAP_INITIAL = "128m"  # Small initial heap keeps RSS near 300 MB for tests.
HEAP_MAX = "512m"
PAGECACHE = "256m"
TX_MEMORY = "128m"  # per transaction, when the heap setting cannot be read

# JVM flags Neo4j 5's own launcher passes (from the distribution's neo4j.conf), minus
# -XX:+AlwaysPreTouch, which would commit the whole heap up front. The --add-opens let
# the page cache and native IO use direct buffers and file descriptors on Java 17+.
JVM_OPTIONS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
)

_POM = Path(__file__).resolve().parent / "neo4j_runtime" / "pom.xml"
_SHELL_POM = Path(__file__).resolve().parent / "neo4j_runtime" / "cypher-shell" / "pom.xml"
SHELL_VERSION = "5.26.12"
"""cypher-shell: the newest 5.26 release on Maven Central not newer than the server
(there is no 5.26.16 there; checked 2026-12-04)."""
_MARKER = ".complete"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_MAVEN_BOILERPLATE = ("Re-run Maven", "To see the full", "For more information", "[Help ")

Log = Callable[[str], None]

# Popen handles of servers started by this process: kept so they are reaped (no zombies,
# no ResourceWarning) and so stop() can wait on them directly.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}


class Neo4jRuntimeError(RuntimeError):
    """A problem starting or stopping the local server, phrased so a user can fix it."""


@dataclass(frozen=True)
class ServerInfo:
    """A running server started by this module; ``db_uri`` is what ``sckg --db`` takes."""

    home: Path
    bolt_port: int
    http_port: int
    password: str
    pid: int
    version: str

    @property
    def uri(self) -> str:
        """Bolt address without credentials, for drivers that take auth separately."""
        return f"bolt://{HOST}:{self.bolt_port}"

    @property
    def db_uri(self) -> str:
        """Bolt address with credentials embedded (password URL-quoted)."""
        return f"bolt://{USER}:{quote(self.password, safe='')}@{HOST}:{self.bolt_port}"

    @property
    def user(self) -> str:
        """Always ``neo4j``: the only user Community edition needs."""
        return USER


# --------------------------------------------------------------------------- locations


def default_home() -> Path:
    """Where `sckg neo4j start` keeps its database; SCKG_NEO4J_HOME overrides it."""
    override = os.environ.get("SCKG_NEO4J_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("sckg")) / "neo4j"


def _last_home_file() -> Path:
    return Path(platformdirs.user_data_dir("sckg")) / "neo4j-last-home"


def remember_home(home: Path) -> None:
    """Note the home `sckg neo4j start` last used, so `status` and `stop` without
    ``--home`` find a server started with one."""
    path = _last_home_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, str(home.resolve()))


def remembered_home() -> Path | None:
    """The home `sckg neo4j start` last used, if it still exists."""
    with contextlib.suppress(OSError):
        home = Path(_last_home_file().read_text().strip())
        if home.is_dir():
            return home
    return None


def default_cache(version: str = DEFAULT_VERSION) -> Path:
    """Per-version jar cache; SCKG_NEO4J_CACHE replaces the root, the version is appended."""
    override = os.environ.get("SCKG_NEO4J_CACHE")
    root = Path(override).expanduser() if override else Path(platformdirs.user_cache_dir("sckg"))
    return (root if override else root / "neo4j") / version


# --------------------------------------------------------------------------- tools


def _emit(log: Log | None, message: str) -> None:
    """Progress goes to the caller's logger only; the library itself never prints."""
    if log is not None:
        log(message)


def find_java() -> str:
    """Locate a Java 17+ executable, preferring JAVA_HOME like Neo4j's own scripts do."""
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home) / "bin" / "java" if java_home else None
    java = str(candidate) if candidate and candidate.is_file() else shutil.which("java")
    if java is None:
        raise Neo4jRuntimeError(
            "Java was not found. Neo4j 5.26 needs Java 17 or 21: install a JDK "
            "(e.g. `apt install openjdk-17-jre-headless`) or set JAVA_HOME."
        )
    major = _java_major_version(java)
    if major is not None and major < 17:
        raise Neo4jRuntimeError(
            f"{java} is Java {major}; Neo4j 5.26 needs Java 17 or 21. "
            "Install a newer JDK or point JAVA_HOME at one."
        )
    return java


def _java_major_version(java: str) -> int | None:
    """Parse `java -version`; None when unparseable so odd vendors are not rejected."""
    try:
        proc = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Neo4jRuntimeError(f"Could not run {java} -version: {exc}") from exc
    match = re.search(r'version "(\d+)(?:\.(\d+))?', proc.stderr + proc.stdout)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def find_maven() -> str:
    """Locate `mvn`; Maven is only needed the first time jars are resolved."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jRuntimeError(
            "Maven (`mvn`) was not found; it is needed once to download the Neo4j jars. "
            "Install it (e.g. `apt install maven`) or put it on PATH."
        )
    return mvn


# --------------------------------------------------------------------------- jars


def jars_cached(version: str = DEFAULT_VERSION, cache: Path | None = None,
                pom: Path = _POM) -> bool:
    """True when ensure_jars() would not need Maven (lets callers skip the Maven check)."""
    cache = cache if cache is not None else default_cache(version)
    marker = cache / _MARKER
    return marker.is_file() and (cache / "lib").is_dir() \
        and marker.read_text(encoding="utf-8").split() == _resolved_for(version, pom)  # fmt: skip


def _resolved_for(version: str, pom: Path = _POM) -> list[str]:
    """What a cache was resolved for: the version and the resolver pom's digest, so a
    pom that lists another artifact (the Browser, say) resolves the jars again."""
    return [version, hashlib.sha256(pom.read_bytes()).hexdigest()[:16]]


def ensure_jars(
    version: str = DEFAULT_VERSION, cache: Path | None = None, log: Log | None = None
) -> Path:
    """Return a folder holding the server's full runtime classpath, resolving it once.

    The marker file is written only after Maven succeeded and the folder was moved into
    place, so an interrupted or failed download is redone on the next call.
    """
    cache = cache if cache is not None else default_cache(version)
    lib = cache / "lib"
    if jars_cached(version, cache):
        return lib
    cache.mkdir(parents=True, exist_ok=True)
    with _file_lock(cache / ".lock"):
        if not jars_cached(version, cache):  # Another process may have finished meanwhile.
            _resolve_into(cache, version, log)
    return lib


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Serialise concurrent resolvers (parallel test workers, two shells) on one cache."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: best effort, no lock.
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_shell_jars(cache: Path | None = None, log: Log | None = None) -> Path:
    """The classpath of cypher-shell (:data:`SHELL_VERSION`), resolved once beside the
    server's jars."""
    cache = cache if cache is not None \
        else default_cache().parent / f"cypher-shell-{SHELL_VERSION}"  # fmt: skip
    if not jars_cached(SHELL_VERSION, cache, _SHELL_POM):
        cache.mkdir(parents=True, exist_ok=True)
        with _file_lock(cache / ".lock"):
            if not jars_cached(SHELL_VERSION, cache, _SHELL_POM):
                _resolve_into(cache, SHELL_VERSION, log, _SHELL_POM, "cypher-shell")
    return cache / "lib"


def shell_command(info: ServerInfo, args: Sequence[str], lib: Path,
                  java: str) -> tuple[list[str], dict[str, str]]:
    """cypher-shell against ``info``'s server, and its environment: the password goes in
    NEO4J_PASSWORD, never on a command line others can read in ``ps``."""
    command = [java, "-cp", f"{lib}{os.sep}*", "org.neo4j.shell.Main",
               "-a", info.uri, "-u", info.user, *args]  # fmt: skip
    return command, {**os.environ, "NEO4J_PASSWORD": info.password}


def _resolve_into(cache: Path, version: str, log: Log | None, pom_file: Path = _POM,
                  what: str = "neo4j") -> None:
    """Run Maven into a scratch folder, then swap it in and write the marker."""
    mvn = find_maven()
    lib, partial = cache / "lib", cache / "lib.partial"
    for stale in (lib, partial):
        shutil.rmtree(stale, ignore_errors=True)
    # Maven runs on a copy of the pom so nothing is ever written next to the package.
    pom = cache / "pom.xml"
    shutil.copyfile(pom_file, pom)
    _emit(log, f"Resolving {what} {version} jars with Maven into {lib} (first run only)...")
    started = time.monotonic()
    command = [
        mvn, "-q", "-B", "-U", "-Dstyle.color=never", "-f", str(pom),
        "dependency:copy-dependencies",
        f"-Dneo4j.version={version}", f"-DoutputDirectory={partial}",
    ]  # fmt: skip
    try:
        proc = subprocess.run(
            command, cwd=cache, capture_output=True, text=True, timeout=1800, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Neo4jRuntimeError(f"Maven could not be run ({' '.join(command)}): {exc}") from exc
    if proc.returncode != 0 or not any(partial.glob(f"{what}-*.jar")):
        raise Neo4jRuntimeError(
            f"Maven could not resolve {what} {version} (exit {proc.returncode}). Check network "
            f"access to Maven Central (or your ~/.m2/settings.xml mirror). Maven said:\n"
            + _maven_tail(proc.stdout + proc.stderr)
        )
    partial.rename(lib)
    (cache / _MARKER).write_text(" ".join(_resolved_for(version, pom_file)) + "\n",
                                 encoding="utf-8")
    count = sum(1 for _ in lib.glob("*.jar"))
    _emit(log, f"Resolved {count} jars in {time.monotonic() - started:.1f}s.")


def _maven_tail(output: str, lines: int = 15) -> str:
    """Keep Maven's actual error lines, dropping colour codes and its generic help text."""
    clean = [_ANSI.sub("", line).rstrip() for line in output.splitlines()]
    errors = [line for line in clean if _is_specific_error(line)]
    chosen = errors or [line for line in clean if line]
    return "\n".join(chosen[-lines:]) or "(no output)"


def _is_specific_error(line: str) -> bool:
    """An [ERROR] line with content, not one of Maven's generic 're-run with -X' hints."""
    if not line.startswith("[ERROR]"):
        return False
    text = line.removeprefix("[ERROR]").strip()
    return bool(text) and not text.startswith(_MAVEN_BOILERPLATE)


# --------------------------------------------------------------------------- config


def render_conf(home: Path, bolt_port: int, http_port: int) -> str:
    """The whole neo4j.conf: loopback only, small memory, no telemetry, auth on.

    Neo4j validates settings strictly, so a typo here fails loudly at start-up.
    """

    def path(name: str) -> str:
        return (home / name).as_posix()

    settings = {
        "server.default_listen_address": HOST,
        "server.default_advertised_address": HOST,
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"{HOST}:{bolt_port}",
        "server.bolt.advertised_address": f"{HOST}:{bolt_port}",
        "server.http.enabled": "true",
        "server.http.listen_address": f"{HOST}:{http_port}",
        "server.http.advertised_address": f"{HOST}:{http_port}",
        "server.https.enabled": "false",
        "server.directories.data": path("data"),
        "server.directories.logs": path("logs"),
        "server.directories.run": path("run"),
        "server.directories.import": path("import"),
        "server.directories.plugins": path("plugins"),
        "server.memory.heap.initial_size": HEAP_INITIAL,
        "server.memory.heap.max_size": heap_max(),
        "server.memory.pagecache.size": pagecache(),
        "dbms.usage_report.enabled": "false",
        "dbms.security.auth_enabled": "true",
        # Doors closed whatever a query says (``/cypher`` also refuses these by plan):
        # LOAD CSV reads no server files, and one transaction cannot build a string or
        # list bigger than its share of the heap (an expression-only query ignores the
        # timeout; the memory cap ends it).
        "dbms.security.allow_csv_import_from_file_urls": "false",
        "internal.dbms.cypher_ip_blocklist": "0.0.0.0/0,::/0",  # no LOAD CSV from URLs
        "db.memory.transaction.max": transaction_memory(),
        # Bolt's Netty loops otherwise idle 5 s each on shutdown, making stop() take 10 s.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
    }
    header = "# Generated by sckg (graph/neo4j_server.py) on every start; edits are lost.\n"
    return header + "".join(f"{key}={value}\n" for key, value in settings.items())


def write_conf(home: Path, bolt_port: int, http_port: int) -> Path:
    """Write conf/neo4j.conf and create the directories it points at."""
    for name in ("conf", "data", "logs", "run", "import", "plugins"):
        (home / name).mkdir(parents=True, exist_ok=True)
    conf = home / "conf" / "neo4j.conf"
    _atomic_write(conf, render_conf(home, bolt_port, http_port))
    return conf


def free_port() -> int:
    """Ask the OS for an unused loopback port (racy in theory, fine in practice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def _require_free(port: int, what: str) -> None:
    """Fail fast on a taken port: Neo4j would only die after seconds of start-up."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Like Neo4j's own listener: lingering TIME_WAIT sockets must not count as "taken".
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError as exc:
            raise Neo4jRuntimeError(
                f"{what} port {port} on {HOST} is already in use ({exc.strerror}); "
                "choose another port or omit it to pick a free one."
            ) from exc


def heap_max() -> str:
    """Maximum JVM heap: small for tests; raise with SCKG_NEO4J_HEAP for big graphs."""
    return os.environ.get("SCKG_NEO4J_HEAP") or HEAP_MAX


def transaction_memory() -> str:
    """Memory one transaction may use: a quarter of the heap (SCKG_NEO4J_TX_MEMORY)."""
    configured = os.environ.get("SCKG_NEO4J_TX_MEMORY")
    if configured:
        return configured
    heap = heap_max().strip().lower()
    units = {"k": 1 / 1024, "m": 1, "g": 1024}
    number = heap[:-1] if heap[-1:] in units else heap
    try:
        mb = float(number) * units.get(heap[-1:], 1 / (1024 * 1024))
    except ValueError:
        return TX_MEMORY
    return f"{max(64, int(mb // 4))}m"


def pagecache() -> str:
    """Page cache: the store should fit in it for fast ingest (SCKG_NEO4J_PAGECACHE)."""
    return os.environ.get("SCKG_NEO4J_PAGECACHE") or PAGECACHE


def java_command(java: str, lib: Path, home: Path) -> list[str]:
    """The exact command line that runs the server (public so it can be shown/tested)."""
    return [
        java,
        f"-Xms{HEAP_INITIAL}",
        f"-Xmx{heap_max()}",
        *JVM_OPTIONS,
        "-cp",
        f"{lib}{os.sep}*",
        MAIN_CLASS,
        f"--home-dir={home}",
        f"--config-dir={home / 'conf'}",
    ]


# --------------------------------------------------------------------------- state files


def _atomic_write(path: Path, text: str, private: bool = False) -> None:
    """Write via a temp file + rename so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        if private:
            os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _read_json(path: Path) -> dict[str, Any] | None:
    """A state file, or None if absent or corrupt (treated as 'no state')."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _state_path(home: Path) -> Path:
    return home / "server.json"


def _credentials_path(home: Path) -> Path:
    return home / "credentials.json"


def _ports_path(home: Path) -> Path:
    return home / "ports.json"  # kept across stops, unlike server.json


def _write_state(info: ServerInfo) -> None:
    """Record the running server so status/stop and later starts can find it."""
    state = {
        "pid": info.pid,
        "bolt_port": info.bolt_port,
        "http_port": info.http_port,
        "password": info.password,
        "version": info.version,
        "home": str(info.home),
        "started_at": time.time(),
    }
    _atomic_write(_state_path(info.home), json.dumps(state, indent=2) + "\n", private=True)


def _info_from_state(home: Path, state: dict[str, Any]) -> ServerInfo | None:
    """Parse server.json defensively: a hand-edited file must not crash status()."""
    try:
        return ServerInfo(
            home=home,
            bolt_port=int(state["bolt_port"]),
            http_port=int(state["http_port"]),
            password=str(state["password"]),
            pid=int(state["pid"]),
            version=str(state["version"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _stored_password(home: Path) -> str | None:
    creds = _read_json(_credentials_path(home))
    value = creds.get("password") if creds else None
    return value if isinstance(value, str) else None


# --------------------------------------------------------------------------- processes


def _reap(pid: int) -> bool:
    """Collect our own exited child; returns True if the process is gone."""
    child = _CHILDREN.get(pid)
    if child is not None:
        if child.poll() is None:
            return False
        _CHILDREN.pop(pid, None)
        return True
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False  # Not our child: liveness is decided by _pid_alive.
    return done == pid


def _pid_alive(pid: int) -> bool:
    """True if the pid exists and is not a zombie."""
    if pid <= 0 or _reap(pid):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError, IndexError):
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


def _command_line(pid: int) -> str | None:
    """The process's command line, used to avoid trusting a recycled pid."""
    proc = Path(f"/proc/{pid}/cmdline")
    if proc.exists():
        with contextlib.suppress(OSError):
            return proc.read_bytes().replace(b"\0", b" ").decode(errors="replace")
    try:
        out = subprocess.run(
            ["ps", "-p", str(pid), "-o", "command="],
            capture_output=True, text=True, timeout=10, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


def _is_our_server(pid: int, home: Path) -> bool:
    """Alive and really a Neo4j started for this home (not a reused pid)."""
    if not _pid_alive(pid):
        return False
    cmdline = _command_line(pid)
    if cmdline is None:
        return True  # Cannot tell; trusting the pid beats killing a live server's record.
    return MAIN_CLASS in cmdline and f"--home-dir={home}" in cmdline


def _launch(command: list[str], home: Path) -> subprocess.Popen[bytes]:
    """Start the JVM detached: own session, no stdin, output to logs/console.log."""
    console = home / "logs" / "console.log"
    with console.open("ab") as out:
        child = subprocess.Popen(
            command,
            cwd=home,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            close_fds=True,
        )
    _CHILDREN[child.pid] = child
    return child


def _terminate(pid: int, timeout: float) -> None:
    """SIGTERM (Neo4j shuts down cleanly), then SIGKILL if it outlives `timeout`."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if _wait_gone(pid, timeout):
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_gone(pid, 10.0)


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return True
        time.sleep(0.1)
    return not _pid_alive(pid)


def _log_tail(home: Path, lines: int = 20) -> str:
    """Last lines of the console and user logs, where start-up failures are explained."""
    parts = []
    for name in ("console.log", "neo4j.log"):
        path = home / "logs" / name
        with contextlib.suppress(OSError):
            tail = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
            if tail:
                parts.append(f"--- {path} (last {len(tail)} lines) ---\n" + "\n".join(tail))
    return "\n".join(parts) or f"(no log output in {home / 'logs'})"


# --------------------------------------------------------------------------- bolt


def _bolt_port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


def _try_login(uri: str, password: str, candidate: str) -> bool:
    """Log in with `candidate`; if it is the factory password, replace it with `password`.

    Returns False on a wrong password. A fresh Neo4j only accepts the password change
    (credentials expired), which is exactly what ALTER CURRENT USER on `system` does.
    """
    try:
        with GraphDatabase.driver(uri, auth=(USER, candidate), connection_timeout=5.0) as drv:
            drv.verify_connectivity()
            if candidate != password:
                drv.execute_query(
                    "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
                    old=candidate,
                    new=password,
                    database_="system",
                )
    except AuthError:
        return False
    return True


def _authenticate(uri: str, password: str, fresh: bool) -> None:
    """Make `password` the neo4j user's password, trying the likely one first.

    At most two failed logins, below Neo4j's lockout threshold of three.
    """
    candidates = [DEFAULT_PASSWORD, password] if fresh else [password, DEFAULT_PASSWORD]
    for candidate in candidates:
        if _try_login(uri, password, candidate):
            return
    raise Neo4jRuntimeError(
        "The server is up but rejected the password. This home was initialised with "
        "another password: pass it with --password (or password=...), or delete the "
        "home directory to start from an empty database."
    )


def _check_query(uri: str, password: str) -> None:
    """A real round trip, so 'started' means queries work, not just that a port is open."""
    with GraphDatabase.driver(uri, auth=(USER, password), connection_timeout=5.0) as drv:
        drv.verify_connectivity()
        records, _, _ = drv.execute_query("RETURN 1 AS ok")
        if records[0]["ok"] != 1:
            raise Neo4jRuntimeError("The server answered RETURN 1 with nonsense.")


def _wait_ready(
    child: subprocess.Popen[bytes], home: Path, port: int, password: str, fresh: bool,
    timeout: float,
) -> None:  # fmt: skip
    """Poll until Bolt accepts our login and runs a query, or fail with the log tail."""
    uri, deadline = f"bolt://{HOST}:{port}", time.monotonic() + timeout
    last_error = "Bolt port not open yet"
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise Neo4jRuntimeError(
                f"Neo4j exited during start-up (exit code {child.returncode}).\n" + _log_tail(home)
            )
        if _bolt_port_open(port):
            try:
                _authenticate(uri, password, fresh)
                _check_query(uri, password)
                return
            except (DriverError, Neo4jError, OSError) as exc:
                last_error = f"{type(exc).__name__}: {exc}"  # Still starting: retry.
        time.sleep(0.25)
    raise Neo4jRuntimeError(
        f"Neo4j did not answer on Bolt port {port} within {timeout:.0f}s "
        f"(last error: {last_error}).\n" + _log_tail(home)
    )


# --------------------------------------------------------------------------- public API


def status(home: Path | None = None) -> ServerInfo | None:
    """The server recorded in `home`, or None (a stale server.json is deleted)."""
    home = (home or default_home()).resolve()
    state_file = _state_path(home)
    state = _read_json(state_file)
    if state is None:
        return None
    info = _info_from_state(home, state)
    if info is not None and _is_our_server(info.pid, home):
        return info
    with contextlib.suppress(FileNotFoundError):
        state_file.unlink()
    return None


def start(
    home: Path | None = None,
    *,
    password: str | None = None,
    bolt_port: int | None = None,
    http_port: int | None = None,
    version: str = DEFAULT_VERSION,
    timeout: float = 120.0,
    log: Log | None = None,
) -> ServerInfo:
    """Start (or find) the server for `home` and return how to reach it.

    If a server is already running there it is returned as is, whatever the arguments.
    """
    home = (home or default_home()).resolve()
    home.mkdir(parents=True, exist_ok=True)
    # Two concurrent starts of one home would race for the store lock; serialise them
    # so the second simply finds the first one's server.
    with _file_lock(home / ".start.lock"):
        running = status(home)
        if running is not None:
            _emit(log, f"Neo4j is already running for {home} (pid {running.pid}).")
            return running
        java = find_java()
        lib = ensure_jars(version, log=log)
        password = _choose_password(home, password)
        bolt, http = chosen_ports(home, bolt_port, http_port)
        _require_free(bolt, "Bolt")
        _require_free(http, "HTTP")
        info = _launch_and_wait(home, java, lib, password, bolt, http, version, timeout, log)
        credentials = json.dumps({"user": USER, "password": password})
        _atomic_write(_credentials_path(home), credentials, private=True)
        _atomic_write(_ports_path(home), json.dumps({"bolt_port": bolt, "http_port": http}))
        _write_state(info)
        return info


def chosen_ports(home: Path, bolt_port: int | None, http_port: int | None) -> tuple[int, int]:
    """Ports to start on: the given ones, else those this home used last time when they
    are free (a URI saved in a script or a shell keeps working across restarts), else
    new free ones."""
    last: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError):
        loaded = json.loads(_ports_path(home).read_text(encoding="utf-8"))
        last = loaded if isinstance(loaded, dict) else {}

    def pick(given: int | None, key: str) -> int:
        if given:
            return given
        previous = last.get(key)
        if isinstance(previous, int) and 0 < previous < 65536 and _is_free(previous):
            return previous
        return free_port()

    return pick(bolt_port, "bolt_port"), pick(http_port, "http_port")


def _is_free(port: int) -> bool:
    try:
        _require_free(port, "")
    except Neo4jRuntimeError:
        return False
    return True


def _launch_and_wait(
    home: Path, java: str, lib: Path, password: str, bolt: int, http: int, version: str,
    timeout: float, log: Log | None,
) -> ServerInfo:  # fmt: skip
    """Write the config, launch the JVM and wait; never leaves a half-started JVM behind."""
    fresh = not (home / "data" / "databases" / "system").exists()
    write_conf(home, bolt, http)
    _emit(log, f"Starting Neo4j {version} in {home} (bolt {bolt}, http {http})...")
    started = time.monotonic()
    child = _launch(java_command(java, lib, home), home)
    try:
        _wait_ready(child, home, bolt, password, fresh, timeout)
    except BaseException:
        _terminate(child.pid, 15.0)
        raise
    _emit(log, f"Neo4j is up after {time.monotonic() - started:.1f}s (pid {child.pid}).")
    return ServerInfo(home, bolt, http, password, child.pid, version)


def _choose_password(home: Path, password: str | None) -> str:
    """Explicit password, else the one this home was initialised with, else a new one."""
    chosen = password or _stored_password(home) or secrets.token_urlsafe(18)
    if len(chosen) < MIN_PASSWORD_LENGTH or chosen == DEFAULT_PASSWORD:
        raise Neo4jRuntimeError(
            f"Neo4j needs a password of at least {MIN_PASSWORD_LENGTH} characters "
            f"other than {DEFAULT_PASSWORD!r}."
        )
    return chosen


def stop(home: Path | None = None, timeout: float = 60.0) -> bool:
    """Stop the server of `home`; True if one was running. SIGKILL after `timeout` s."""
    home = (home or default_home()).resolve()
    info = status(home)
    if info is None:
        return False
    _terminate(info.pid, timeout)
    with contextlib.suppress(FileNotFoundError):
        _state_path(home).unlink()
    return True


@contextlib.contextmanager
def temporary_server(
    *,
    password: str | None = None,
    bolt_port: int | None = None,
    http_port: int | None = None,
    version: str = DEFAULT_VERSION,
    timeout: float = 120.0,
    log: Log | None = None,
) -> Iterator[ServerInfo]:
    """A throwaway server in a fresh temp dir, always stopped and deleted (for tests)."""
    home = Path(tempfile.mkdtemp(prefix="sckg-neo4j-"))
    try:
        yield start(
            home, password=password, bolt_port=bolt_port, http_port=http_port,
            version=version, timeout=timeout, log=log,
        )  # fmt: skip
    finally:
        try:
            stop(home)
        finally:
            shutil.rmtree(home, ignore_errors=True)


def _print_log(message: str) -> None:
    print(message, file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover - manual smoke test
    with temporary_server(log=_print_log) as server:
        _print_log(server.db_uri)

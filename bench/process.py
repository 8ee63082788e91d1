"""What a bench's bot process has used so far, read from /proc (Linux)."""

from __future__ import annotations

import os
from pathlib import Path


def cpu_seconds(pid: int) -> float:
    """The user and system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _status(pid: int, field: str) -> float:
    """A memory field of /proc/PID/status (VmRSS, VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise LookupError(f"no {field} for process {pid}")


def peak_memory(pid: int) -> float:
    """The most resident memory a process has had so far (VmHWM), in MB."""
    return _status(pid, "VmHWM")


def memory(pid: int) -> tuple[float, float]:
    """A process's resident memory now (VmRSS) and its peak so far (VmHWM), in MB."""
    return _status(pid, "VmRSS"), peak_memory(pid)

"""Run a module under cProfile switched on by SIGUSR1 and off by SIGUSR2, each stretch to its own file.

Run: python -m bench.profiled PREFIX MODULE [ARGUMENTS...]; the stretches go to PREFIX-1.prof,
PREFIX-2.prof, … (read them with `python -m pstats`). Only the main thread, the event loop's, is profiled.
"""

from __future__ import annotations

import cProfile
import runpy
import signal
import sys
from collections.abc import Callable
from types import FrameType


class Stretches:
    """cProfile switched on and off by signals, each stretch dumped to a numbered file."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.profile = cProfile.Profile()
        self.dumped = 0

    def start(self, _signum: int, _frame: FrameType | None) -> None:
        """Profile from now on (a fresh profile for each stretch)."""
        self.profile = cProfile.Profile()
        self.profile.enable()

    def stop(self, _signum: int, _frame: FrameType | None) -> None:
        """Stop profiling and write the stretch's figures."""
        self.profile.disable()
        self.dumped += 1
        self.profile.dump_stats(f"{self.prefix}-{self.dumped}.prof")


Handler = Callable[[int, FrameType | None], None]


def run_switched(module: str, arguments: list[str], on: Handler, off: Handler) -> None:
    """Run a module as `python -m MODULE ARGUMENTS...` would, with `on` called at SIGUSR1 and `off` at SIGUSR2."""
    signal.signal(signal.SIGUSR1, on)
    signal.signal(signal.SIGUSR2, off)
    sys.argv = [module, *arguments]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


def main() -> None:
    """Profile the stretches between the signals of `python -m bench.profiled PREFIX MODULE ARGUMENTS...`."""
    prefix, module, *arguments = sys.argv[1:]
    stretches = Stretches(prefix)
    run_switched(module, arguments, stretches.start, stretches.stop)


if __name__ == "__main__":
    main()

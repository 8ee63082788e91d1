"""Run a module under cProfile switched on by SIGUSR1 and off by SIGUSR2, each stretch to its own file.

Run: python -m bench.profiled PREFIX MODULE [ARGUMENTS...]; the stretches go to PREFIX-1.prof,
PREFIX-2.prof, … (read them with `python -m pstats`). Only the main thread, the event loop's, is profiled.
"""

from __future__ import annotations

import cProfile
import runpy
import signal
import sys
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


def main() -> None:
    """Install the signal handlers and run the module as `python -m MODULE ARGUMENTS...` would."""
    prefix, module, *arguments = sys.argv[1:]
    stretches = Stretches(prefix)
    signal.signal(signal.SIGUSR1, stretches.start)
    signal.signal(signal.SIGUSR2, stretches.stop)
    sys.argv = [module, *arguments]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()

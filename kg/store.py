"""Write the build's files so that a failed build never destroys the last good one.

Every output is first written in full to a temporary file in the same folder;
only when all of them are complete are they moved into place with os.replace,
which is atomic on one filesystem.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

Writer = Callable[[Path], None]


def write_atomically(outdir: Path, writers: dict[str, Writer]) -> list[Path]:
    """Run each writer into a temp file, then move all of them into ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    done: list[tuple[Path, Path]] = []
    with ExitStack() as stack:
        tmp_root = tempfile.TemporaryDirectory(dir=outdir, prefix=".build-")
        tmpdir = Path(stack.enter_context(tmp_root))
        for name, writer in writers.items():
            tmp = tmpdir / name
            writer(tmp)
            done.append((tmp, outdir / name))
        for tmp, final in done:
            os.replace(tmp, final)
    return [final for _, final in done]

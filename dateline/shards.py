"""Per-article results as Parquet shards: ``dateline run --output-dir DIR`` and ``dateline load DIR``.

On a cluster, sending every analysis back to one writer is the bottleneck; with an output
folder each task writes its chunk's results to a shard of its own (``part-NNNNNNNN.parquet``, the
chunk's place in the input), next to the input on storage every worker can reach, and returns
only a count. ``dateline load DIR`` then brings the shards into a store in input order, through
the same writer a direct run uses (stories, then merging at the same points), so the store is
the one a direct run over the same input would have built.

A shard holds one row per article: its place in the chunk, the article id, and the analysis,
story features and warnings as JSON (or the reason the article was skipped). Inputs that could
not be read are listed in ``skipped.jsonl``. A shard is written to a temporary name and renamed,
so a crash never leaves half a shard: rerunning the same command writes the missing ones. Each
shard records the ids of the articles it was written from, so a rerun over changed input writes
again the chunks whose articles differ and removes the shards past the input's end.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from .model import Analysis, Article, Skipped, analysis_from_dict, analysis_to_dict

Result = tuple[Analysis, dict, list[str]] | Skipped
COLUMNS = ("position", "article", "analysis", "features", "warnings", "origin", "reason")


class ShardError(RuntimeError):
    """A shard folder cannot be written or read (pyarrow missing, a damaged shard, not a shard folder)."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ShardError("Parquet shards need pyarrow: pip install 'dateline[dask]' (or pyarrow)") from None
    return pyarrow


def shard_name(seq: int) -> str:
    return f"part-{seq:08d}.parquet"


IDS_KEY = b"dateline.articles"  # the shard's metadata: the ids of the chunk it was written from


def write_shard(folder: str, seq: int, results: list[Result], ids: list[str] | None = None) -> int:
    """Write one chunk's results (``ids``: the ids of the chunk's articles); return how many
    articles it holds."""
    pa = _pyarrow()
    rows: dict[str, list[Any]] = {c: [] for c in COLUMNS}
    for i, r in enumerate(results):
        rows["position"].append(i)
        if isinstance(r, Skipped):
            for c, v in (("article", None), ("analysis", None), ("features", None), ("warnings", None),
                         ("origin", r.origin), ("reason", r.reason)):
                rows[c].append(v)
        else:
            analysis, features, warnings = r
            for c, v in (("article", analysis.article.id), ("analysis", _dumps(analysis_to_dict(analysis))),
                         ("features", _dumps(features)), ("warnings", _dumps(warnings)), ("origin", None),
                         ("reason", None)):
                rows[c].append(v)
    table = pa.table({c: pa.array(rows[c], type=pa.int32() if c == "position" else pa.string()) for c in COLUMNS})
    if ids is not None:
        table = table.replace_schema_metadata({IDS_KEY: ",".join(ids).encode()})
    final = os.path.join(folder, shard_name(seq))
    partial = final + ".partial"
    pa.parquet.write_table(table, partial, compression="zstd")
    os.replace(partial, final)
    return len(results)


def read_shards(folder: str) -> Iterator[list[Result]]:
    """Every shard's results, in input order."""
    pa = _pyarrow()
    for name in shard_files(folder):
        try:
            table = pa.parquet.read_table(os.path.join(folder, name))
        except (OSError, pa.ArrowException) as exc:
            raise ShardError(f"{name} is not a readable shard: {exc}") from None
        out: list[Result] = []
        for row in sorted(table.to_pylist(), key=lambda r: r["position"]):
            if row["reason"] is not None:
                out.append(Skipped(row["origin"], row["reason"]))
            else:
                out.append((analysis_from_dict(json.loads(row["analysis"])), json.loads(row["features"]),
                            json.loads(row["warnings"])))
        yield out


def shard_files(folder: str) -> list[str]:
    if not os.path.isdir(folder):
        raise ShardError(f"no such folder: {folder}")
    names = sorted(n for n in os.listdir(folder) if n.startswith("part-") and n.endswith(".parquet"))
    if not names and not os.path.exists(os.path.join(folder, SKIPPED)):
        raise ShardError(f"{folder} holds no shards (part-*.parquet): was it written by `dateline run --output-dir`?")
    return names


SKIPPED = "skipped.jsonl"


def write_skipped(folder: str, skipped: Iterable[Skipped], warnings: Iterable[Skipped]) -> None:
    """The inputs that could not be read, and warnings on those that were (stored, with a caveat)."""
    with open(os.path.join(folder, SKIPPED), "w", encoding="utf-8") as fh:
        for notes, warning in ((skipped, False), (warnings, True)):
            for s in notes:
                fh.write(_dumps({"origin": s.origin, "reason": s.reason, "warning": warning}) + "\n")


def read_skipped(folder: str) -> tuple[list[Skipped], list[Skipped]]:
    path = os.path.join(folder, SKIPPED)
    skipped: list[Skipped] = []
    warnings: list[Skipped] = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    (warnings if d.get("warning") else skipped).append(Skipped(d["origin"], d["reason"]))
    return skipped, warnings


def holds(path: str, ids: list[str]) -> bool:
    """Whether the shard at ``path`` was written from a chunk of exactly these articles."""
    pa = _pyarrow()
    try:
        metadata = pa.parquet.read_schema(path).metadata or {}
    except (OSError, pa.ArrowException):
        return False  # damaged: write it again
    return metadata.get(IDS_KEY) == ",".join(ids).encode()


def remove_from(folder: str, count: int) -> None:
    """Remove the shards numbered ``count`` and above: left by an earlier, longer input."""
    for name in shard_files(folder):
        if int(name[len("part-") : -len(".parquet")]) >= count:
            os.remove(os.path.join(folder, name))


class ShardTask:
    """A picklable task: analyse one numbered chunk and write its shard, unless the shard there was
    written from the same articles (a rerun after a crash); a shard of other articles (the input
    changed) is written again."""

    def __init__(self, folder: str, analyze: Any) -> None:
        self.folder, self.analyze = folder, analyze

    def __call__(self, numbered: tuple[int, list[Article]]) -> int:
        seq, articles = numbered
        ids = [a.id for a in articles]
        path = os.path.join(self.folder, shard_name(seq))
        if os.path.exists(path) and holds(path, ids):
            return 0
        return write_shard(self.folder, seq, self.analyze(articles), ids)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

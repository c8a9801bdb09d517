"""No evaluation item is copied into the project: tests and lexicons hold only text written for it."""

from __future__ import annotations

import ast
import json

from .conftest import ROOT, shared_file


def _literals(path) -> list[str]:
    if path.suffix == ".py":
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return path.read_text(encoding="utf-8", errors="ignore").splitlines()


def test_provenance_no_evaluation_text_in_the_repository():
    texts, names = [], set()
    for name in ("events", "time", "stories", "extract", "actors"):
        for line in shared_file("eval", f"{name}.jsonl").open(encoding="utf-8"):
            item = json.loads(line)
            texts += [item[k].casefold() for k in ("text", "html") if isinstance(item.get(k), str)]
            if name == "actors" and len(item["text"].split()) >= 3:
                names.add(item["text"].casefold())
    corpus = "\n".join(texts)
    files = [*ROOT.joinpath("tests").glob("*.py"), *ROOT.joinpath("dateline", "data").glob("*"),
             *ROOT.joinpath("examples").glob("*")]
    copied = [
        f"{path.relative_to(ROOT)}: {s[:60]!r}"
        for path in files
        for s in _literals(path)
        if (len(s) >= 40 and s.casefold() in corpus) or s.casefold() in names
    ]
    assert not copied, "evaluation text copied into the repository:\n" + "\n".join(copied)

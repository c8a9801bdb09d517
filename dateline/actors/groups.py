"""Groups named after their members: "the two ministers", "both sides"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .drafts import GROUP_NOUNS, GROUP_SECTORS, Draft


def find_groups(doc: Doc, actors: list[Draft], taken: set[int]) -> list[Draft]:
    """ "the two ministers", "both sides": a GROUP whose members are the two actors meant."""
    persons = [i for i, a in enumerate(actors) if a.kind == "PERSON" and a.spans]
    nations = [i for i, a in enumerate(actors) if a.kind == "COUNTRY" and a.sector is None and a.spans]
    groups: dict[tuple[int, ...], Draft] = {}
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.tag_ not in ("NNS", "NNPS") or lemma not in GROUP_NOUNS or tok.i in taken:
            continue
        left = [t for t in doc[max(0, tok.i - 4) : tok.i]]
        if not any(t.lower_ in ("two", "both") for t in left):
            continue
        begin = next(t.i for t in left if t.lower_ in ("the", "both", "two", "their"))
        kind = GROUP_NOUNS[lemma]

        def before(ids: list[int], at: int = tok.i) -> list[int]:
            """The two most mentioned actors among ``ids`` named before the group."""
            earlier = [i for i in ids if min(s for s, _ in actors[i].spans or [(at, 0)]) < at]
            return sorted(earlier, key=lambda i: -len(actors[i].spans or []))[:2]

        members = before(persons) if kind in ("persons", "sides") else []
        if kind == "countries" or (kind == "sides" and len(members) < 2):
            owners = [actors[i].country for i in before(persons)]
            by_code = {actors[i].country: i for i in nations}
            members = [by_code[c] for c in owners if c in by_code]
            if len(set(members)) < 2:
                members = before(nations)
        if len(set(members)) < 2:
            continue
        key = (*sorted(set(members)), kind == "countries", GROUP_SECTORS.get(lemma))
        if key not in groups:
            groups[key] = _group([actors[i] for i in sorted(set(members))], GROUP_SECTORS.get(lemma))
            groups[key].members = sorted(set(members))
        draft = groups[key]
        draft.spans.append((begin, tok.i + 1))  # type: ignore[union-attr]
        taken.update(range(begin, tok.i + 1))
    return list(groups.values())


def _group(members: Sequence[Draft], sector: str | None) -> Draft:
    """A group named after its members, with the codes they all share and no others: "the two
    ministers" of India and Japan is GOV with no country; two Indian officials are IND GOV.
    The events stage codes a group as its members; these codes are what the group itself says."""
    countries_ = {m.country for m in members}
    sectors = {m.sector for m in members}
    roles = {m.role for m in members}
    shared = sectors.pop() if len(sectors) == 1 else None
    if shared is None and all(m.kind == "COUNTRY" for m in members):
        shared = sector  # "the two militaries" of India and Japan: the noun says which part
    return Draft(
        " and ".join(m.name for m in members),
        "GROUP",
        role=roles.pop() if len(roles) == 1 else None,
        country=countries_.pop() if len(countries_) == 1 else None,
        sector=shared,
        spans=[],
    )

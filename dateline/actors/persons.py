"""People named in an article: their names without titles, every description of them, the
knowledge base's codes, bare surnames and pronouns joined to them."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from dateline import countries
from dateline import kb as knowledge
from dateline.kb.codes import NON_STATE
from dateline.plural import singular

from .descriptions import ENVOY_WORDS, PERSON_SECTORS, Evidence, kb_evidence, pick_role, pick_sector, scan, term
from .drafts import Draft, token_words
from .institutions import INSTITUTIONS, institution_country

PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


def _name_range(ent: Span, title_uses: Counter[str]) -> tuple[int, int]:
    """Token range of the name proper inside a PERSON entity, without leading titles.

    A leading word counts as a title by evidence only: a lexicon title ("President",
    "Gen.") or the bare form of an abbreviated title ("Gen" for "Gen.") that precedes a
    full two-word name or goes with more than one surname in the article. Otherwise, as
    with "Gen Nakatani" (always the same man, one surname), it is part of the name.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    while end - start > 1 and (doc[end - 1].text in ("'s", "’s", "'") or doc[end - 1].is_punct):
        end -= 1
    if end == ent.end and _name_goes_on(doc, end):
        end += 1  # "Anna van der" + "Berg", whose last word the tagger gave to a place
    while end - start > 1:
        word = doc[start].text
        found = term([word])
        if found and found.role and (word[:1].isupper() or word.endswith(".")):
            start += 1
            continue
        abbreviated = term([word + "."])
        if (
            abbreviated
            and abbreviated.role
            and word[:1].isupper()
            and (end - start > 2 or title_uses[word] > 1)
        ):
            start += 1
            continue
        break
    return start, end


def _bracketed_short_form(bracket: Token) -> bool:
    """Whether a bracket encloses one short form ("(WFP)") inside a title, which goes on after it."""
    doc = bracket.doc
    i = bracket.i
    if bracket.text == "(":
        return i + 2 < len(doc) and doc[i + 2].text == ")" and doc[i + 1].text.isupper()
    return i >= 2 and doc[i - 2].text == "(" and doc[i - 1].text.isupper()


def _listed_after(root: Token, start: int) -> bool:
    """Whether a name heads a list set off by a comma after the plural noun it is joined to."""
    return (
        root.dep_ == "conj"
        and root.head.pos_ == "NOUN"
        and root.head.tag_ == "NNS"
        and root.head.i < start
        and start > 0
        and root.doc[start - 1].text == ","
    )


def _name_goes_on(doc: Doc, end: int) -> bool:
    """Whether the word after a person's name is its last word, cut off by the tagger: a
    capitalised proper noun that the name's words modify as a compound and no other person's."""
    if end >= len(doc) or end < 1:
        return False
    nxt = doc[end]
    return (
        nxt.pos_ == "PROPN"
        and nxt.text[:1].isupper()
        and nxt.ent_type_ != "PERSON"
        and doc[end - 1].dep_ == "compound"
        and doc[end - 1].head.i == end
    )


def _title_uses(doc: Doc) -> Counter[str]:
    """How many different surnames each capitalised leading word of a PERSON goes with."""
    seen: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            seen.setdefault(ent[0].text, set()).add(ent[-1].text)
    return Counter({word: len(surnames) for word, surnames in seen.items()})


# Words of a title before a name that may still describe it: "US Assistant Secretary of State for
# South and Central Asian Affairs Richard Boucher" names the country eleven words before the name.
DESCRIPTION_WORDS = 14
# Heads of a body's name, never a person's appositive: "By killing X, the regime ..." is the
# parser's misreading of the clause's subject, not a description of X.
BODY_HEADS = frozenset("regime government army administration ministry authorities military party".split())


def _description(doc: Doc, start: int, end: int) -> list[Token]:
    """Words describing the name at ``start:end``: its own modifiers, or the NP it is in
    apposition to ("his Japanese counterpart Gen Nakatani"), or its appositive ("X, Japan's
    defence minister,")."""
    root = doc[start:end].root
    words = [t for t in root.subtree if t.i < start]
    # a name in apposition to another name is a list of people ("Rajnath Singh, Gen Nakatani To
    # Explore ..." in a headline), not one describing the other
    apposed = root.dep_ == "appos" and root.head.i < start and root.head.ent_type_ != "PERSON"
    # "the two Danish riders, Lars Holm and ...": a list after a plural noun, which the
    # parser joins to it as one more conjunct, is in apposition to it
    apposed = apposed or _listed_after(root, start)
    if apposed:
        head = root.head
        while head.ent_type_ in ("GPE", "LOC") and head.dep_ == "pobj" and head.head.head.i != head.head.i:
            # "the envoy to Albania, Franz Moser": the parser hangs the name on the place, but a
            # person stands beside the noun the place's phrase modifies
            head = head.head.head
        words = [t for t in head.subtree if t.i < start and not t.is_punct]
    after: list[Token] = []
    for child in root.children:
        # "X, a Dane detained abroad": a common noun after its article, though tagged a person,
        # describes; a bare name after a comma is the next person of a list
        described = child.ent_type_ != "PERSON" or any(c.dep_ == "det" for c in child.children)
        if child.dep_ == "appos" and child.i >= end and described and child.lemma_.lower() not in BODY_HEADS:
            clauses = {t.i for c in child.children if c.dep_ in ("acl", "relcl") for t in c.subtree}
            tokens = [t for t in child.subtree if not t.is_punct and t.i not in clauses]
            if not any(e.sector == "SAME" for e in scan(token_words(tokens))):
                after += tokens
    if not words and not after and root.dep_ == "conj" and root.head.ent_type_ == "PERSON" and root.head.i < start:
        # "two sisters from Hull, Ann and Joan Moss", "Danish riders Holm and Berg": a
        # plural description names every person of the list, not only the first
        first = root.head
        first_start = min([first.i] + [c.i for c in first.children if c.dep_ == "compound"])
        shared = _description(doc, first_start, first.i + 1)
        if any(t.tag_ in ("NNS", "NNPS") for t in shared):
            return shared
    # "Florence Abara": a given name before a surname is part of a name, describing no one,
    # though the gazetteer knows a town of the name; a title or a country there describes
    given = start  # the run of name words right before the surname, up to a title ("General")
    while given > 0 and doc[given - 1].pos_ == "PROPN" and doc[given - 1].dep_ == "compound" and (
        _only_a_town(doc[given - 1]) or not scan(token_words([doc[given - 1]]))
    ):
        given -= 1
    words = [t for t in words if not (given <= t.i < start and _only_a_town(t))]
    kept: list[Token] = []
    for tok in sorted(words, key=lambda t: t.i):
        if tok.text in ("(", ")") and _bracketed_short_form(tok):
            continue  # "the World Food Programme (WFP) Executive Director Karl Brandt"
        if tok.pos_ in ("VERB", "AUX") or tok.text in (",", "(", ")", ";", ":", '"', "“", "”"):
            kept = []
            continue
        kept.append(tok)
    return kept[-DESCRIPTION_WORDS:] + [t for t in after if not t.is_punct][:8]




def _only_a_town(tok: Token) -> bool:
    """Whether a capitalised word says nothing but a place of its name: "Florence", "Union"."""
    found = scan(token_words([tok]))
    return bool(found) and all(e.kind == "place" for e in found)


def find_persons(doc: Doc, taken: set[int], day: int | None = None) -> list[Draft]:
    """People named in the article, with full names first so bare surnames join them. A one-word
    "person" that is a known place and no known person is the place ("Aleppo")."""
    uses = _title_uses(doc)
    places = _place_names(doc)
    drafts: list[Draft] = []
    by_name: dict[tuple[str, ...], int] = {}
    tagged = [e for e in doc.ents if e.label_ == "PERSON"]
    ents = sorted(tagged + _known_names(doc, tagged), key=lambda e: -len(e))
    for ent in ents:
        start, end = _name_range(ent, uses)
        name = tuple(t.text for t in doc[start:end])
        if not name or not name[0][:1].isupper() or countries.country_code(" ".join(name)):
            continue
        if countries.demonym_country(name[0]):  # "Bosnian Croats": a people, not a person
            continue
        base = knowledge.get()
        if len(name) == 1 and base is not None and countries.place_country(name[0]):
            if not base.is_person_name(name[0]):
                continue
        if " ".join(name) in places and not _known_person(base, name):
            continue  # "Douma" tagged a person here, a place where the article says "in Douma"
        if not name[-1][:1].isupper() or (_modifies_thing(doc[start:end].root) and not _known_person(base, name)):
            continue  # "Pictures of"; "the Oxford Circus station", "the Marlow talks"
        index = by_name.get(name)
        if index is None:
            index = next((i for i, d in enumerate(drafts) if _part_of(name, d.name)), None)
        if index is None:
            index = len(drafts)
            by_name[name] = index
            drafts.append(Draft(doc[start:end].text, "PERSON", spans=[]))
        drafts[index].spans.append((start, end))  # type: ignore[union-attr]
        taken.update(range(start, end))
    _bare_names(doc, drafts, taken)
    return drafts


def _modifies_thing(root: Token) -> bool:
    """Whether a name only modifies a noun of things ("the Marlow negotiations", "the Hull-Leeds
    road", "the Rimini summit"): a name there is a place's or an event's, not a person's,
    unless the dictionaries know it as a person's ("the Obama administration")."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    if root.dep_ != "compound" or head.pos_ != "NOUN" or head.i <= root.i:
        return False
    return term([head.lemma_.lower()]) is None and not any(e.sector for e in scan([head.text]))


def _known_person(base: knowledge.KnowledgeBase | None, name: tuple[str, ...]) -> bool:
    """Whether the dictionaries give this name, or this one word of a name, to a person."""
    if base is None:
        return False
    return base.is_full_person_name(" ".join(name)) or (len(name) == 1 and base.is_person_name(name[0]))


PLACE_PREPS = frozenset({"in", "into", "near", "outside", "around", "across", "towards", "toward"})
# Nouns of places whose "of" phrase names one: "the town of Vell", "the villages of Ost and Ard".
PLACE_KINDS = frozenset("town city village district province region county suburb neighbourhood neighborhood camp".split())


def _place_names(doc: Doc) -> set[str]:
    """Names the article itself uses as places: tagged a place, or named after "in", "into",
    "near" ... ("the attack in Douma"), where a person's name does not go."""
    found = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")}
    for tok in doc:
        placed = tok.dep_ == "pobj" and (
            tok.head.lower_ in PLACE_PREPS
            or (tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in PLACE_KINDS)  # "the towns of Vell"
        )
        if tok.dep_ == "conj" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "of":
            placed = tok.head.head.head.lemma_.lower() in PLACE_KINDS  # "... of Vell and Ard"
        if placed and tok.pos_ == "PROPN":
            words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
            found.add(" ".join(t.text for t in sorted(words, key=lambda t: t.i)))
            found.add(tok.text)
    return found


NAME_PARTICLES = frozenset({"al", "bin", "ibn", "de", "van", "von", "-"})
LONGEST_NAME = 4


def _known_names(doc: Doc, tagged: list[Span]) -> list[Span]:
    """Full names of people the knowledge base knows that the parser did not tag as persons
    ("Theresa May said ..."): runs of capitalised proper nouns, two words or more, whose whole
    text is a person's name in the dictionaries. A surname alone is never taken this way."""
    base = knowledge.get()
    if base is None:
        return []
    inside = {i for e in tagged for i in range(e.start, e.end)}
    found: list[Span] = []
    i = 0
    while i < len(doc):
        if i in inside or not _name_word(doc[i]) or doc[i].lower_ in NAME_PARTICLES:
            i += 1
            continue
        run = i
        while run < len(doc) and run not in inside and (
            _name_word(doc[run]) or doc[run].lower_ in NAME_PARTICLES
        ):
            run += 1
        for n in range(min(LONGEST_NAME, run - i), 1, -1):
            span = doc[i : i + n]
            if span[-1].lower_ not in NAME_PARTICLES and base.is_full_person_name(span.text):
                found.append(Span(doc, i, i + n, label="PERSON"))
                i += n - 1
                break
        i += 1
    return found


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper()


def _part_of(name: tuple[str, ...], full: str) -> bool:
    parts = [_without_article(w) for w in full.split()]
    name = tuple(_without_article(w) for w in name)
    return len(parts) > len(name) and (
        tuple(parts[-len(name) :]) == name or tuple(parts[: len(name)]) == name
    )


# The Arabic article a surname keeps in full and drops when it stands alone: "Nuri al-Maliki" is
# "Maliki" later on.
_ARTICLE = re.compile(r"^(?:al|el)[-‐](?=[A-Z])", re.IGNORECASE)


def _without_article(word: str) -> str:
    return _ARTICLE.sub("", word)


def _bare_names(doc: Doc, drafts: list[Draft], taken: set[int]) -> None:
    """A surname or given name of a known person is that person, whatever spaCy tagged it."""
    parts: dict[str, set[int]] = {}
    for index, draft in enumerate(drafts):
        words = draft.name.split()
        if len(words) > 1:
            for word in {words[0], words[-1], _without_article(words[-1])}:
                parts.setdefault(word, set()).add(index)
    for tok in doc:
        if tok.i in taken or tok.text not in parts or len(parts[tok.text]) != 1:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text in parts and doc[tok.i + 1].i not in taken:
            continue
        index = next(iter(parts[tok.text]))
        drafts[index].spans.append((tok.i, tok.i + 1))  # type: ignore[union-attr]
        taken.add(tok.i)


def describe_persons(
    doc: Doc, drafts: list[Draft], home: str | None, day: int | None = None, focus: bool = False
) -> None:
    """Role, country and sector of each person: every description of them in the article first,
    then the knowledge base (the whole name, or a surname the context supports), then, for an
    official, the article's home country while no one else named is of it, or when the story is
    about it (``focus``) and no one else holds the same office there."""
    envoys: set[int] = set()  # persons described as sent somewhere: of no country the place gives
    generic: set[int] = set()  # persons whose sector only a generic title gives ("chairman", "member")
    counterparts: list[tuple[Draft, Token]] = []
    followers: list[tuple[Draft, Token]] = []  # "his deputy Anwar", "his former protege": of his country
    for draft in drafts:
        evidence: list[Evidence] = []
        for start, end in draft.spans or []:
            tokens = _description(doc, start, end)
            found = scan(token_words(tokens), day)
            if any(t.lower_ in ENVOY_WORDS for t in tokens):
                envoys.add(id(draft))
            evidence += found
            owner = next((t for t in tokens if t.lower_ in ("his", "her") or t.dep_ == "poss"), None)
            if owner is not None:
                if any(e.sector == "SAME" for e in found):
                    counterparts.append((draft, owner))
                else:
                    followers.append((draft, owner))
        draft.role = pick_role([e for e in evidence if e.sector != "SAME"])
        draft.sector = pick_sector(evidence)
        if draft.sector and max(e.weight for e in evidence if e.sector == draft.sector) <= 1:
            generic.add(id(draft))
        votes = Counter(e.country for e in evidence if e.country)
        draft.country = votes.most_common(1)[0][0] if votes else None
        if draft.country is None:
            draft.country = _origin_country(doc, draft)
    for draft, owner in counterparts:
        other = _owner(doc, owner, drafts)
        if other is not None and other is not draft:
            draft.role = draft.role or other.role
            draft.sector = draft.sector or other.sector
    base = knowledge.get()
    unnamed: set[int] = set()  # persons a dictionary places in a country the article never names
    if base is not None:
        near = _named_countries(doc, home)
        for draft in drafts:
            known = kb_evidence(draft.name, day, near, weak=True)
            if draft.country is None and known is not None and known.country not in near:
                unnamed.add(id(draft))
            # the parser says it is a person; a dictionary may file a leader under his office
            if known is not None and known.kind != "place":
                draft.country = draft.country or known.country
                if id(draft) in generic and known.kind == "person" and known.sector:
                    draft.sector = known.sector  # the office held that day beats a generic title
                draft.sector = draft.sector or known.sector or "GOV"
            if known is not None and known.kind == "person" and " " in draft.name:
                # A full name of someone in office that day beats a stray word of a long article
                # ("Trump and May" read as a description of May)
                exact = base.resolve(draft.name, day, near)
                if exact is not None and exact.kind == "person" and exact.current and not exact.presumed:
                    draft.country = exact.country
    exclude = {d.country for d in drafts if d.country}
    for draft in drafts:
        official = draft.sector in PERSON_SECTORS or (draft.role is not None and draft.sector == "ELI")
        if official and (draft.country is None or id(draft) in unnamed):
            # the article's own word beats a namesake's country it never names: "interior
            # ministry spokesman Ali Hassan" in a story of "the Egyptian interior ministry"
            draft.country = _institution_owner(doc, draft) or draft.country
        # While no one else in the article is of the home country, or the story is about it: a
        # London dateline on a story about Papua New Guinea does not make its army commander British.
        if id(draft) in envoys:
            continue  # "the ambassador to China" in a Beijing story is no Chinese official
        if draft.country is None and official and home and home not in exclude:
            draft.country = home
        elif draft.country is None and official and home and draft.role and focus:
            partners = [d for d in drafts if d is not draft and d.role == draft.role and d.country == home]
            if not partners:
                draft.country = home  # "First Deputy Prime Minister Boris Nemtsov" in a Moscow story
    for draft, owner in followers:
        other = _owner(doc, owner, drafts) if draft.country is None else None
        if other is not None and other is not draft and other.country:
            draft.country = other.country
        elif draft.country is None and other is None and owner.pos_ == "PROPN" and base is not None:
            # "Putin's spokesman" where the tagger took Putin for no person: whom the
            # dictionaries know by the name
            span = doc[min([owner.i] + [c.i for c in owner.children if c.dep_ == "compound"]) : owner.i + 1]
            known = kb_evidence(span.text, day, _named_countries(doc, home), weak=True)
            if known is not None and known.kind == "person" and known.country not in NON_STATE:
                draft.country = known.country
    for draft in drafts:
        if draft.country is None and draft.sector not in PERSON_SECTORS:
            # last, and not for officials, who travel: "Moss, who fled Britain", "she left the UK"
            draft.country = _country_left(doc, draft)
    if base is not None and home:
        # after the officials, whom a name's origin must not deprive of the home country: a person
        # the article introduces by name alone, with a surname most bearers of which serve the
        # article's own country ("Ichiro Ozawa" in a Tokyo story is Japanese)
        for draft in drafts:
            if draft.country is None and " " in draft.name and base.surname_country(draft.name) == home:
                draft.country = home


ORIGIN_VERBS = frozenset({"grow", "raise", "bear", "hail", "originate", "live"})
LEAVE_VERBS = frozenset({"leave", "flee"})


def _origin_country(doc: Doc, draft: Draft) -> str | None:
    """The country of the place the article says a person comes from: "Joe Robinson, 24, from
    Accrington", "Kotey, a convert who grew up in west London", "who were raised in Britain",
    "who left her home in east London". Only such words of origin: where someone is, or went,
    says nothing of who they are."""
    for start, end in draft.spans or []:
        root = doc[start:end].root
        heads = [root] + [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "conj":
            heads.append(root.head)  # "Adams and Brown, who were raised in Canada"
            if root.head.dep_ == "appos":
                heads.append(root.head.head)
        if (root.dep_ == "appos" and root.head.pos_ == "NOUN") or _listed_after(root, start):
            heads.append(root.head)  # "two sisters from Hull, Ann and Joan Moss"
        places: list[Token] = []
        for head in heads:
            # "from Hull"; "formerly of Bury, Lancashire"; "the sprinter Ravi Nair of India"; not
            # the "of" of a title ("the head of the Popular Union of ...": the body he heads)
            preps = ("from", "of") if head is root else ("from",)
            places += [p for c in head.children if c.dep_ == "prep" and c.lower_ in preps
                       for g in c.children if g.dep_ == "pobj"
                       for p in (g, *(a for a in g.children if a.dep_ == "appos"))]
            for verb in (c for c in head.children if c.dep_ in ("relcl", "acl")):
                lemma = verb.lemma_.lower()
                homes = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "home"]
                if lemma in ORIGIN_VERBS or (lemma in LEAVE_VERBS and len(homes) > 1):
                    places += [g for h in homes for c in h.children if c.dep_ == "prep"
                               and c.lower_ in ("in", "from", "near") for g in c.children if g.dep_ == "pobj"]
        for place in places:
            if place.pos_ != "PROPN":
                continue
            code = countries.country_name(place.text) or countries.place_country(place.text)
            if code:
                return code
    return None


# Verbs of leaving and travelling: who "left the UK" or "travelled from Lyon to Syria" came from there.
DEPART_VERBS = frozenset({"leave", "flee", "quit", "travel", "emigrate", "escape"})


# Nouns of the state one belongs to: "her British citizenship", "a French passport".
CITIZEN_NOUNS = frozenset({"citizenship", "passport", "nationality"})


def citizenship_countries(doc: Doc, drafts: list[Draft]) -> None:
    """The country of a person no description places, from a citizenship the text gives them,
    after pronouns are joined: "the British citizenship of Ana Moss", "Moss's French passport",
    "she was stripped of her British citizenship", "Moss was stripped of British citizenship"."""
    for draft in drafts:
        if draft.country is not None or draft.sector in PERSON_SECTORS:
            continue
        for start, end in draft.spans or []:
            root = doc[start:end].root
            nouns = []
            if root.dep_ == "poss":
                nouns.append(root.head)
            if root.dep_ == "pobj" and root.head.lower_ == "of":
                nouns.append(root.head.head)
            if root.dep_ in ("nsubj", "nsubjpass"):
                nouns += [g for c in root.head.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"]
                nouns += [c for c in root.head.children if c.dep_ == "dobj"]
            for noun in nouns:
                if noun.lemma_.lower() not in CITIZEN_NOUNS:
                    continue
                for c in noun.children:
                    if c.dep_ in ("amod", "compound") and c.text[:1].isupper():
                        code = countries.demonym_country(c.text) or countries.country_name(c.text)
                        if code:
                            draft.country = code
                            break
                if draft.country:
                    break
            if draft.country:
                break


def _country_left(doc: Doc, draft: Draft) -> str | None:
    """The country a person who holds no office is told to have left: "Ana Moss, who left the
    UK in 2014", "Moss fled Britain", "the teenager who travelled from Leeds to Syria". Only a
    country named as the object of leaving, or a place after "from"; only as a last resort, after
    every description and the knowledge base, for whom nothing else gives a country."""
    for start, end in draft.spans or []:
        root = doc[start:end].root
        verbs = [c for c in root.children if c.dep_ in ("relcl", "acl")]
        if root.dep_ in ("nsubj",) and root.head.pos_ == "VERB":
            verbs.append(root.head)
        for verb in verbs:
            if verb.lemma_.lower() not in DEPART_VERBS:
                continue
            places = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"]
            places += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                       for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            for place in places:
                name = doc[place.left_edge.i : place.i + 1].text
                while name.lower().startswith("the "):
                    name = name[4:]
                code = countries.country_name(name) or countries.place_country(name) or countries.place_country(place.text)
                if code:
                    return code
    return None


def _institution_owner(doc: Doc, draft: Draft) -> str | None:
    """The country of the institution a person's description names, where the article names it
    with its country elsewhere: "foreign ministry spokesman Shen Guofang" in a story that speaks
    of "the Chinese foreign ministry" is Chinese, whatever the dateline."""
    for start, end in draft.spans or []:
        for tok in _description(doc, start, end):
            if tok.lower_ not in INSTITUTIONS:
                continue
            qualifiers = [
                c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.text.islower()
            ]
            owners = set()
            for other in doc:
                if other.lower_ == tok.lower_ and other.i != tok.i and all(
                    q in [c.lower_ for c in other.children] for q in qualifiers
                ):
                    code = institution_country(other)
                    if code:
                        owners.add(code)
            if len(owners) == 1:
                return owners.pop()
    return None


def _named_countries(doc: Doc, home: str | None) -> tuple[str, ...]:
    """The countries an article names, its home country first: what picks one bearer of a surname."""
    found = [home] if home else []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP"):
            code = countries.country_name(ent.text) or countries.demonym_country(ent.text)
            if code and code not in found:
                found.append(code)
    return tuple(found)


def _owner(doc: Doc, owner: Token, drafts: list[Draft]) -> Draft | None:
    """The person a possessive points to: the one it names ("Putin's spokesman"), else, for
    "his", the subject of its clause."""
    if owner.pos_ == "PROPN":
        return next((d for d in drafts if any(s <= owner.i < e for s, e in d.spans or [])), None)
    clause = owner
    while clause.head.i != clause.i:  # tokens are new objects on each access: compare places
        clause = clause.head
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        for subject in (t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass")):
            for draft in drafts:
                if any(s <= subject.i < e for s, e in draft.spans or []):
                    return draft
            return None
    return None


def resolve_pronouns(doc: Doc, drafts: list[Draft], taken: set[int]) -> None:
    """he/him/his/she/her: the person who is subject of the same sentence, else the only
    person named in the previous sentence; an object "him" or "her" is the one other person
    named before it in its sentence."""
    where: dict[int, int] = {}
    for index, draft in enumerate(drafts):
        for start, end in draft.spans or []:
            for i in range(start, end):
                where[i] = index
    sents = list(doc.sents)
    genders: dict[int, str] = {}  # a person "he" stands for is no "she": "Ivanov said he called Berg before she ..."
    for n, sent in enumerate(sents):
        for tok in sent:
            if tok.lower_ not in PRONOUNS or tok.i in taken:
                continue
            gender = "f" if tok.lower_ in ("she", "her") else "m"
            subjects = {where[t.i] for t in sent if t.i in where and t.dep_ in ("nsubj", "nsubjpass")}
            candidates = subjects
            if tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "dative"):
                # an object is not its clause's subject: "Clegg picked out Gove, accusing him" is
                # Gove; in a relative clause that subject is the noun the clause is about ("Erdogan,
                # who urged him", not Erdogan), and another clause's subject may be the one meant
                own = _own_subject(tok)
                if own is not None and own.i in where:
                    subjects = {where[own.i]}
                candidates = {where[t.i] for t in sent if t.i in where and t.i < tok.i} - subjects
                if len(candidates) != 1:
                    continue
            if not candidates and n > 0 and not _described_subject(sent, tok):
                candidates = {where[t.i] for t in sents[n - 1] if t.i in where}
            candidates = {c for c in candidates if genders.get(c, gender) == gender}
            if len(candidates) == 1:
                person = next(iter(candidates))
                drafts[person].spans.append((tok.i, tok.i + 1))  # type: ignore[union-attr]
                genders[person] = gender
                taken.add(tok.i)


def _described_subject(sent: Span, pronoun: Token) -> bool:
    """Whether a person the sentence names by a common noun alone is a subject before the pronoun,
    whom it most likely stands for: in "The minister said he ...", "he" is the minister, not
    the person the sentence before named."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.i < pronoun.i and t.pos_ == "NOUN" and t.tag_ == "NN"
        and (found := term([t.lower_])) is not None and found.role is not None  # a title, no body ("the court")
        for t in sent
    )


def _own_subject(obj: Token) -> Token | None:
    """The subject of an object's own clause, the noun a relative clause modifies standing for its
    "who"; a clause of no subject ("accusing him") has its governor's. None when the parse gives none."""
    verb = obj.head
    for _ in range(4):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            if subj[0].lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                return verb.head
            return subj[0] if subj[0].lower_ not in PRONOUNS else None
        if verb.dep_ not in ("xcomp", "advcl", "conj", "acl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


TITLE_MODIFIERS_IGNORED = frozenset({"new", "current", "visiting", "outgoing", "incoming", "top", "senior"})


def resolve_titles(doc: Doc, drafts: list[Draft], taken: set[int], day: int | None = None) -> None:
    """ "the minister", "the foreign minister", "the Polish premier" with no name: the person
    named before with that office (the one alone to hold it among those named), else, as wire
    copy writes its first lines ("..., the Polish foreign minister said. Dariusz Rosati told
    reporters ..."), the person the next sentence names first as its subject, who then has the
    office and country the title gives. A title no single person fits stays unnamed."""
    persons = [d for d in drafts if d.kind == "PERSON" and d.spans]
    if not persons:
        return
    sents = None
    for tok in doc:
        found = _title_phrase(tok, taken)
        if found is None:
            continue
        start, modifiers = found
        evidence = scan(token_words(doc[start + 1 : tok.i + 1]), day)
        country = next((e.country for e in evidence if e.country), None)
        earlier = [d for d in persons if min(s for s, _ in d.spans or []) < start]
        fits = [d for d in earlier if _holds(d, tok.lower_, modifiers, country)]
        if len(fits) == 1:
            fits[0].spans.append((start, tok.i + 1))  # type: ignore[union-attr]
            taken.update(range(start, tok.i + 1))
            continue
        if earlier:
            continue
        sents = sents if sents is not None else list(doc.sents)
        later = _next_subject(doc, tok, sents, drafts)
        if later is not None and later.role is None:
            later.role = pick_role(evidence)
            later.sector = later.sector or pick_sector(evidence)
            later.country = later.country or country
            later.spans.append((start, tok.i + 1))  # type: ignore[union-attr]
            taken.update(range(start, tok.i + 1))


def _title_phrase(tok: Token, taken: set[int]) -> tuple[int, list[str]] | None:
    """Where "the ... minister" starts and its lowercase modifiers, when ``tok`` heads a definite
    title with no name (not "the minister, Michael Gove," nor "the minister's aide")."""
    if tok.tag_ != "NN" or tok.i in taken or not tok.text.islower() or tok.dep_ in ("compound", "poss"):
        return None
    found = term([tok.text])
    if found is None or found.role is None or found.sector not in PERSON_SECTORS:
        return None
    if any(c.dep_ in ("appos", "poss") or c.ent_type_ == "PERSON" for c in tok.children):
        return None
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and (after.ent_type_ == "PERSON" or after.text in ("'s", "’s")):
        return None
    start = tok.i
    while start > 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in ("amod", "compound", "det"):
        start -= 1
        if doc[start].dep_ == "det":
            break
    if doc[start].lower_ != "the" or any(i in taken for i in range(start, tok.i)):
        return None
    words = doc[start + 1 : tok.i]
    modifiers = [t.lower_ for t in words if t.text.islower() and t.lower_ not in TITLE_MODIFIERS_IGNORED]
    return start, modifiers


def _holds(draft: Draft, title: str, modifiers: list[str], country: str | None) -> bool:
    """Whether a person's office is the one a title names ("Foreign Minister" for "the foreign
    minister" or "the minister"), of the country it names if it names one."""
    role = (draft.role or "").lower().split()
    if role[-2:] == ["prime", "minister"] and title == "premier":
        role = role[:-2] + ["premier"]  # wire copy's "the premier" after "Prime Minister X"
    if not role or singular(role[-1]) != title:
        return False
    if country is not None and draft.country != country:
        return False
    return all(m in role for m in modifiers)


def _next_subject(doc: Doc, tok: Token, sents: list[Span], drafts: list[Draft]) -> Draft | None:
    """The person the sentence after ``tok``'s names first, when that person is its subject."""
    n = next((i for i, s in enumerate(sents) if s.start <= tok.i < s.end), None)
    if n is None or n + 1 >= len(sents):
        return None
    nxt = sents[n + 1]
    for draft in drafts:
        if draft.kind != "PERSON":
            continue
        for s, e in draft.spans or []:
            if nxt.start <= s < nxt.end and any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[s:e]):
                if min(s2 for s2, _ in draft.spans or []) >= nxt.start:
                    return draft
    return None


LEADS = frozenset({"head", "lead", "chair", "run", "command", "found"})


def borrow_countries(doc: Doc, persons: list[Draft], others: list[Draft]) -> None:
    """A person no description or dictionary places takes the country of the body their
    description names ("UNSCOM chief Rolf Ekeus", "Ichiro Ozawa, who heads the New Frontier
    Party"), once the article's bodies are known."""
    owner: dict[int, str] = {}
    for draft in others:
        if draft.country and draft.kind in ("ORG", "COUNTRY") and not draft.presumed:
            for start, end in draft.spans or []:
                owner.update((i, draft.country) for i in range(start, end))
    if not owner:
        return
    for draft in persons:
        if draft.country is not None:
            continue
        for start, end in draft.spans or []:
            root = doc[start:end].root
            tokens = _description(doc, start, end) + _led(root) + _of_body(root)
            found = next((owner[t.i] for t in tokens if t.i in owner and not _posted_to(t)), None)
            if found:
                draft.country = found
                break


def _posted_to(tok: Token) -> bool:
    """Whether a word names where an envoy is sent: "China" in "the ambassador to China"."""
    t = tok
    for _ in range(3):
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "for", "in") and t.head.head.lower_ in ENVOY_WORDS:
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _of_body(root: Token) -> list[Token]:
    """The country or body an "of" phrase after a name places a person in: "the sprinter Ravi Nair
    of India", "Omar Saleh of Hezbollah"."""
    return [
        t for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN" for t in g.subtree
    ]


def _led(root: Token) -> list[Token]:
    """What a relative clause says a person heads: "who heads the New Frontier Party"."""
    for child in root.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in LEADS:
            return [t for c in child.children if c.dep_ == "dobj" for t in c.subtree]
    return []

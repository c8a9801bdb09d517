"""What must agree between two sentences that tell one act, beyond who did it and when.

Two reports of one attack may word it differently, but they do not name different victims,
different sums, different phases or different tolls: each of these is an anchor that, where both
sentences give one, must agree. Merging asks these before it lets a shared side and a shared day
tie two mentions, so a day's roundup of incidents ("a colonel was kidnapped and killed", "gunmen
stormed a training camp"), the second phase of an exercise and the first, an appeal for 126 million
dollars and a pledge of 15 million, or the murder recalled as background in a report of a later one,
stay apart.

How a sentence tells its act must agree too: one act of its own, or what someone keeps doing
("routinely shells"), a counted class of acts ("most bombings are blamed on"), the onset of a
campaign ("started shelling the hills"), or another incident than its article's others. Harm told
as done within an act ("two guards died in the raid") is part of that act, whatever its toll.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .mention_text import is_place_name, stem, text_before

if TYPE_CHECKING:
    from .model import Event

HARM = frozenset({"ASSAULT", "COERCE"})

# Nouns and verbs of harm after which a name is whom it was done to ("the murder of Rafiq Hariri",
# "the bomb that killed Tueni"), and before which a name is the victim of a passive ("Tueni was killed").
_HARM_NOUN = r"(?:killing|murder|assassination|slaying|death|kidnapping|abduction|arrest|detention|execution)"
_HARM_VERB = r"(?:killed|murdered|assassinated|kidnapped|abducted|arrested|detained|executed|shot|wounded|injured)"
_AFTER = re.compile(r"\b(?:" + _HARM_NOUN + r"\s+of|" + _HARM_VERB + r")\s+(?=([^,.;:()]{1,80}))")
_BEFORE_PASSIVE = re.compile(r"([A-Z][\w'’-]+)\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?" + _HARM_VERB)
# A name right before the noun of harm, or its possessive, is whom it was done to ("the Tueni killing",
# "Hariri's assassination"), unless "of" names the victim after it ("the Hamas kidnapping of Shalit").
_COMPOUND = re.compile(r"\b([A-Z][\w'’-]+?)(?:['’]s)?\s+(" + _HARM_NOUN + r")\b(?!\s+of\b)")
_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+|el-)?[A-Z][\w'’-]+)*")
_NOT_NAMES = frozenset(
    """The A An He She They It His Her Its Their This That These Those Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October November
    December On In At By For And But Police Army Troops Soldiers Officials""".split()
)


_COUNTED = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|several|some|many)\s+$", re.I
)


def _surname(run: str) -> str | None:
    words = [re.sub(r"['’]s$", "", w) for w in run.split()]
    words = [w for w in words if w not in _NOT_NAMES and not is_place_name(w)]
    return words[-1] if words else None


@functools.lru_cache(maxsize=65536)
def victims(text: str, at: int | None = None) -> frozenset[str]:
    """Surnames of the people a sentence says were harmed: the victim of a killing, an arrest, a
    kidnapping, named by the act ("the murder of X") or by a passive ("X was killed").

    >>> sorted(victims("She demanded an inquiry into the murder of the former mayor Jan Novak."))
    ['Novak']
    >>> sorted(victims("Marek was killed in a car bomb blast, a year after the assassination of Jan Novak."))
    ['Marek', 'Novak']
    >>> sorted(victims("A colonel was kidnapped and killed on Sunday by Hamas gunmen."))
    []
    >>> sorted(victims("The bomber killed three Israelis in Tel Aviv."))
    []
    >>> sorted(victims("Rice discussed the Tueni killing by phone."))
    ['Tueni']
    >>> sorted(victims("The Hamas kidnapping of Gilad Shalit was condemned."))
    ['Shalit']
    """
    found: list[tuple[int, str]] = []  # (where the word of harm is, whom it names)
    for m in _AFTER.finditer(text):
        # "of the former Lebanese premier Rafiq Hariri"; not who did it ("killed by Hamas gunmen")
        window = " ".join(re.split(r"\b(?:by|when|after|as|while|because)\b", m.group(1))[0].split()[:6])
        for run in _RUN.findall(window):
            if _COUNTED.search(window[: window.find(run)]):
                break  # "killed four Taliban fighters": a group harmed in numbers, no one named
            name = _surname(run)
            if name:
                found.append((m.start(), name))
                break
            if run.endswith("s"):  # a people harmed ("killed three Israelis in Tel Aviv"): no one named
                break
    for m in _BEFORE_PASSIVE.finditer(text):
        name = _surname(m.group(1))
        if name:
            found.append((m.end() - len(m.group(0).split()[-1]), name))
    for m in _COMPOUND.finditer(text):
        name = _surname(m.group(1))
        if name:
            found.append((m.start(2), name))
    if at is not None:  # the act the mention tells, when its trigger is one of these words of harm
        own = {name for where, name in found if where == at}
        if own:
            return frozenset(own)
    return frozenset(name for _, name in found)


_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "m": 10**6}
_MONEY = re.compile(
    r"(?:(?:US)?\$|€|£|¥)\s?(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m)?\b"
    r"|\b(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion)?\s+(?:US\s+|U\.S\.\s+)?"
    r"(?:dollars|euros|yuan|yen|pounds|rupees|francs|roubles|rubles)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def amounts(text: str) -> frozenset[int]:
    """Sums of money a sentence names, in units: what was pledged, given, appealed for, fined.

    >>> sorted(amounts("Norway will send 12 million dollars in relief to the flooded region."))
    [12000000]
    >>> sorted(amounts("It pledged $2.5 billion and 300 million euros."))
    [300000000, 2500000000]
    """
    out = set()
    for m in _MONEY.finditer(text):
        number, scale = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        try:
            value = float(number.replace(",", ""))
        except ValueError:
            continue
        out.add(int(value * _SCALE.get((scale or "").lower(), 1)))
    return frozenset(out)


_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10,
}  # fmt: skip
_PARTS = r"(phase|round|stage|leg|session|part|wave|batch|day|half|term|reading|ballot)"
_ORDINAL = re.compile(r"\b(" + "|".join(_ORDINALS) + r")[\s-]+" + _PARTS + r"s?\b", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def ordinals(text: str) -> dict[str, int]:
    """Which part of a series a sentence tells: the phase, round or stage it numbers (cached: do
    not change the dict).

    >>> ordinals("Navies began the first-phase of their first-ever joint mine-clearing drill.")
    {'phase': 1}
    >>> ordinals("The second round of talks opened in Geneva.")
    {'round': 2}
    """
    out: dict[str, int] = {}
    for m in _ORDINAL.finditer(text):
        out.setdefault(m.group(2).lower(), _ORDINALS[m.group(1).lower()])
    return out


_COUNT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "dozen": 12,
}  # fmt: skip
_COUNT = r"(\d+|" + "|".join(_COUNT_WORDS) + r")"
_ARRESTED_AFTER = re.compile(r"\b(?:arrested|detained|rounded\s+up|seized)\s+(?:at\s+least\s+)?" + _COUNT + r"\b", re.I)
_ARRESTED_BEFORE = re.compile(
    r"\b" + _COUNT + r"\s+(?:[\w-]+\s+){0,4}?(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:arrested|detained)\b", re.I
)


@functools.lru_cache(maxsize=65536)
def arrests(text: str) -> frozenset[int]:
    """How many people a sentence says were arrested: a raid's haul, which tells one raid from another.

    >>> sorted(arrests("Troops stormed Ramallah and arrested three Hamas members."))
    [3]
    >>> sorted(arrests("Eight other suspected militants were also arrested during the raid."))
    [8]
    """
    out = set()
    for pattern in (_ARRESTED_AFTER, _ARRESTED_BEFORE):
        for m in pattern.finditer(text):
            word = m.group(1).lower()
            out.add(int(word) if word.isdigit() else _COUNT_WORDS[word])
    return frozenset(out)


_WEEKDAY = re.compile(
    r"\b(?:on|late|early)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|quoted|added|stated)\s+(?:\w+\s+){0,2}$", re.I)


@functools.lru_cache(maxsize=65536)
def weekdays(text: str, at: int | None = None) -> frozenset[str]:
    """The weekdays a sentence says its act happened on ("on Tuesday"), near the act's word (``at``,
    within WEEKDAY_REACH words), and not the day someone said it ("police said on Tuesday"): a
    day's roundup of incidents names each one's day, while "Trump's order to withdraw drew criticism
    on Wednesday" dates the criticism, not the order.

    >>> sorted(weekdays("A roadside bomb hit an army patrol north of the capital on Thursday, a source said."))
    ['thursday']
    >>> sorted(weekdays("The ministry said on Monday that two soldiers were killed."))
    []
    """
    out = set()
    for m in _WEEKDAY.finditer(text):
        if _SAID_BEFORE.search(text[: m.start()]):
            continue
        if at is not None:
            lo, hi = sorted((at, m.start()))
            if len(text[lo:hi].split()) > WEEKDAY_REACH:
                continue
        out.add(m.group(1).lower())
    return frozenset(out)


WEEKDAY_REACH = 8


@functools.lru_cache(maxsize=262144)
def anchors_differ(a: str, b: str, type_: str, at_a: int | None = None, at_b: int | None = None) -> bool:
    """Two sentences that cannot tell one act: different weekdays it happened on, different parts of a
    series, different sums, or
    (for attacks and arrests) different victims or different numbers arrested. ``at_a`` and
    ``at_b`` are where each sentence's trigger is: a sentence that tells one killing and recalls
    another ("the bomb that killed Tueni ... the probe of Hariri's killing") names the victim of
    its own act by its trigger. An anchor only one of them gives says nothing.

    >>> anchors_differ("The second phase of the drill began.", "The first phase of the drill ended.", "COOPERATE")
    True
    >>> anchors_differ("Hariri was killed in a blast.", "The bomb that killed Tueni shook Beirut.", "ASSAULT")
    True
    >>> anchors_differ("Tueni was killed on Monday.", "The killing of Gibran Tueni drew outrage.", "ASSAULT")
    False
    """
    da, db = weekdays(a, at_a), weekdays(b, at_b)
    if da and db and not da & db:
        return True
    oa, ob = ordinals(a), ordinals(b)
    if any(k in ob and ob[k] != v for k, v in oa.items()):
        return True
    ma, mb = amounts(a), amounts(b)
    if ma and mb and not ma & mb:
        return True
    if type_ in HARM:
        va, vb = victims(a, at_a), victims(b, at_b)
        if va and vb and not va & vb:
            return True
        ca, cb = arrests(a), arrests(b)
        if ca and cb and not ca & cb:
            return True
    return False


# How a sentence tells its act: one act of its own, or a stance, a counted class, a campaign's onset,
# another incident than its article's others. Two tellings must agree on these too.

_ANOTHER = re.compile(
    r"\b(?:in\s+(?:a\s+separate|another)|a\s+separate|another\s+separate)\s+"
    r"(?:incident|attack|clash|clashes|raid|blast|bombing|explosion|shooting|ambush|operation)\b",
    re.IGNORECASE,
)
_EARLIER = re.compile(
    r"\b(?:(?:earlier|later)\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|in\s+the\s+day"
    r"|that\s+day)|(?:hours?|minutes?)\s+(?:earlier|later)|(?:on\s+the|that)\s+same\s+day)\b",
    re.IGNORECASE,
)
_TOLD_AGAIN = re.compile(
    r"\b(?:the|this|that|[a-z]+day['’]s)\s+(?:[\w-]+\s+){0,3}(?:attack|bombing|blast|strike|raid|explosion|assault|"
    r"shooting|ambush)s?\b",
    re.IGNORECASE,
)
_ONSET = re.compile(r"\b(?:began|begun|begin|begins|beginning|started|start|starts|starting)(?:\s+to)?\s*$")
# "fighting has raged since the rebels launched an offensive on the town": the act that opened a period
_SINCE_LAUNCH = re.compile(
    r"\bsince\s+(?:[\w'’-]+\s+){0,5}(?:launched|began|started|opened|unleashed)\s+(?:(?:an?|the|their|its|his)\s+)?"
    r"(?:[\w-]+\s+)?$"
)


_LAUNCH = re.compile(
    r"\b(?:launched|began|started|opened|unleashed)\s+(?:(?:an?|the|their|its|his)\s+)?(?:[\w-]+\s+)?$"
)


def one_launch(a: Event, b: Event, same_day: bool) -> bool:
    """Two tellings of one launch, one of them as the start of a period ("fighting has raged since the
    rebels launched an attack on the town on Wednesday"), the other as the launch itself ("launched
    an attack on the town") or on the day both name: the onset both tell is one act."""
    if onset(a) == onset(b):
        return True
    since, other = (a, b) if onset(a) else (b, a)
    if _SINCE_LAUNCH.search(_before(since)) is None:
        return False  # "began shelling the hills" starts a campaign: none of its strikes
    return same_day or _LAUNCH.search(_before(other)) is not None


def _before(event: Event) -> str:
    return text_before(event).casefold()


def onset(event: Event) -> bool:
    """The act is told as the start of a campaign ("began shelling the hills", "started to shell the
    town", "fighting since the rebels launched an attack on the town"): the onset of many acts, not
    one of them."""
    before = _before(event)
    return _ONSET.search(before) is not None or _SINCE_LAUNCH.search(before) is not None


def another(text: str, type_: str | None = None) -> bool:
    """The sentence tells its act as another than its article's others ("In a separate incident",
    "in another attack"): a roundup's next item. An attack told as "earlier Thursday" or "hours
    later" is another incident of its day too."""
    if _ANOTHER.search(text) is not None:
        return True
    # "the attack on civilians earlier Thursday was the deadliest": the article's attack, told again
    return type_ in HARM and _EARLIER.search(text) is not None and _TOLD_AGAIN.search(text) is None


# Plurals that name one event ("the talks", "the elections"), unlike "visits" or "offensives".
ONE_EVENT_PLURALS = frozenset(
    """talks negotiations elections polls clashes consultations discussions hostilities games
    celebrations ceremonies hearings proceedings""".split()
)


def habitual(event: Event) -> bool:
    """What someone keeps doing, which every report of a conflict may repeat, not one act that two
    reports can confirm: a plural of acts ("Israeli daily offensives", "the leaders' repeated
    visits"), an act told with "frequently", "routinely", or a standing charge. Only asked of mentions
    that name no date."""
    text = event.text.casefold()
    if _HABITUAL.search(text) or repeated(event):
        return True
    if class_of_acts(event):
        return True
    word = event.trigger.casefold().strip()
    before = re.findall(r"[\w'’]+", text[: max(event.trigger_start - event.start, 0)])
    if event.type == "ACCUSE" and _standing_charge(before, word):
        return True
    if event.type in _RELATIONS and _bare_stance(event, word):
        return True
    if " " in word or not word.endswith("s") or word.endswith(("ss", "us", "is")) or word in ONE_EVENT_PLURALS:
        return False
    return bool(before) and (before[-1] in _PLURAL_CUES or before[-1].endswith(("'s", "’s", "s'")))


def _bare_stance(event: Event, word: str) -> bool:
    """The act told as a bare noun of who does it, with no article ("severely tested by US support for
    the Kurds", "the issue of American backing for the rebels"): a standing relation, not one act."""
    if not re.fullmatch(r"[a-z]+", word) or word.endswith(("ed", "s")):
        return False
    before = re.findall(r"[\w'’.]+", event.text[: max(event.trigger_start - event.start, 0)])
    if not before or not before[-1][:1].isupper() or before[-1].casefold() in _NOT_BARE:
        return False
    return len(before) < 2 or not (before[-2][:1].isupper() or before[-2].casefold() in _NOT_BARE
                                   or before[-2].endswith(("'s", "’s")))


_RELATIONS = frozenset({"SUPPORT", "AID", "COOPERATE"})  # acts whose bare noun names a standing relation
# Words before a name that make the noun after it one act ("the US offer", "Friday's Iranian attack"),
# and sentence openers that are no name of a doer.
_NOT_BARE = frozenset("""the a an its his her their our this that these those last next first another such
    no any every each one said says in on at""".split())


def _standing_charge(before: list[str], word: str) -> bool:
    """A charge told as what its maker holds ("the ministry, which blames the militia for the raids") or
    as a state of the accused ("are accused by Washington of links", "has been accused of ties")."""
    if before[-1:] in (["which"], ["who"]) and re.fullmatch(r"[a-z]+[^s]s", word):
        return True
    state = before[-1:] in (["is"], ["are"]) or before[-2:] in (["has", "been"], ["have", "been"])
    return word.endswith("ed") and state


_HABITUAL = re.compile(
    r"\b(?:frequently|often|routinely|regularly|repeatedly|constantly|continuously|usually|habitually|persistently)\b"
)
# Acts told as repeated ("struck again and again"): many acts, not one.
_REPEATED = re.compile(
    r"\b(?:again\s+and\s+again|time\s+and\s+(?:time\s+)?again|time\s+after\s+time|over\s+and\s+over)\b"
)
# Acts counted ("have shelled the valley at least 30 times"): many acts only over a period the
# sentence tells ("since the spring", "over the past month", "this year", a perfect tense); "was shot
# five times in the chest" counts the blows of one act.
_TIMES = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|scores\s+of|several|many|numerous)"
    r"\s+times\b(?!\s+(?:as|more|higher|larger|bigger|the)\b)"
)
_PERIOD = re.compile(
    r"\b(?:since|so\s+far|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last)|this\s+(?:year|month|week)"
    r"|(?:has|have|had)\s+(?:(?:already|now|also|repeatedly)\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|t)\b)"
)
_ONE_BLOW = re.compile(r"\b(?:shot|stabbed|hit|struck)\s+(?:\w+\s+){0,2}times\s+in\s+(?:the|his|her|their)\b")


def repeated(event: Event) -> bool:
    """The act is told as repeated or counted over a period ("at least 30 times since the spring",
    "again and again"), which no one report of one act confirms.

    >>> from .mention_text import stub_event
    >>> repeated(stub_event(text="The army has shelled the valley at least 30 times since the spring."))
    True
    >>> repeated(stub_event(text="The toll is three times higher than first feared."))
    False
    >>> repeated(stub_event(text="The judge was stabbed four times in the back outside the court."))
    False
    """
    text = event.text.casefold()
    if _REPEATED.search(text):
        return True
    return bool(_TIMES.search(text)) and bool(_PERIOD.search(text)) and not _ONE_BLOW.search(text)


# Plurals of acts that a participle after them tells of as a class ("the bombings blamed on X").
_PLURAL_ACTS = frozenset(
    """attacks bombings killings blasts explosions raids abductions kidnappings assassinations incidents
    shootings strikes ambushes murders abuses violations assaults massacres arrests detentions""".split()
)


def class_of_acts(event: Event) -> bool:
    """The act is told of a class of acts, counted: "most bombings in the province are blamed on the
    militants", "an increase in the number of attacks blamed on the rebels", "raids attributed to"."""
    head = event.text.casefold()[: max(event.trigger_start - event.start, 0)]
    if _CLASS_OF_ACTS.search(head):
        return True
    before = re.findall(r"[\w'’]+", head)
    return event.trigger.casefold().strip().endswith("ed") and bool(before) and before[-1] in _PLURAL_ACTS


_CLASS_OF_ACTS = re.compile(
    r"\b(?:most|many|all|numerous|dozens\s+of|scores\s+of|hundreds\s+of|a\s+(?:string|spate|wave|series|number)\s+of"
    r"|the\s+number\s+of)\s+(?:[\w'’-]+\s+)?(?:" + "|".join(sorted(_PLURAL_ACTS)) + r")\b"
)
_PLURAL_CUES = frozenset(
    """the their its his her our these those such daily weekly repeated frequent continued continuing
    stubborn regular many several numerous recent past previous""".split()
)


# Nouns that name one act of a type in other words: within one story, "the raid", "the assault" and
# "Friday's attack" are one storming of one building, and so is "the operation" of the troops that
# "stormed" it.
ACT_NOUNS = {
    "ASSAULT": frozenset("raid raided raids assault assaulted attack attacked storming stormed operation".split())
}
# Verbs that tell an operation against one place, which a story tells once: "marines stormed the
# warehouse" retold without its day is the story's storming; "attacked" is any act of a war.
OPERATION_VERBS = frozenset("stormed raided assaulted".split())
# An operation told as another than the one before: "officers later stormed a flat", "raided a second house"
_NEXT_OPERATION = re.compile(r"\b(?:later|another|separate|second)\b")
_OBJECT_STOPS = frozenset(
    """in on at into through from with by near after before during as while and or but when to for of""".split()
)


def operation_object(event: Event) -> tuple[str, bool] | None:
    """The noun an operation's verb acts on, stemmed, and whether the sentence makes it definite:
    "stormed a bank on Monday" → ("bank", False), "raided the main depot through a side gate" →
    ("depot", True); None when the sentence tells it as another operation than one before ("later
    stormed a flat", "raided a second house").

    >>> from .mention_text import stub_event
    >>> operation_object(stub_event(text="Troops stormed the old mill at dawn.", trigger="stormed", trigger_start=7))
    ('mill', True)
    >>> operation_object(stub_event(text="Troops later stormed a farm.", trigger="stormed", trigger_start=13)) is None
    True
    """
    if _NEXT_OPERATION.search(event.text.casefold()):
        return None
    offset = max(event.trigger_start - event.start, 0) + len(event.trigger)
    words: list[str] = []
    for word in re.findall(r"[\w'’-]+|[,.;:]", event.text[offset:].casefold()):
        if word in _OBJECT_STOPS or not word[0].isalpha():
            break
        words.append(word)
    if not words:
        return None
    definite = words[0] in ("the", "its", "their", "his", "her") or words[0].endswith(("'s", "’s"))
    return stem(words[-1]), definite


_WITHIN = re.compile(r"\b(?:in|during)\s+(?:the|this|that|[a-z]+day['’]s)\s+((?:[\w-]+\s+){0,2}[\w-]+)")


def within_act(event: Event) -> str | None:
    """The act noun of harm told as done within an act ("died in the raid", "were hurt during the
    assault", "died on Friday in the daring attack on the farmhouse"); None otherwise."""
    if event.type not in HARM:
        return None
    return _within(event.type, event.text[max(event.trigger_start - event.start, 0):])


@functools.lru_cache(maxsize=65536)
def _within(type_: str, after: str) -> str | None:
    family = ACT_NOUNS.get(type_, frozenset())
    for m in _WITHIN.finditer(after.casefold()):
        noun = next((w for w in m.group(1).split() if w in family), None)
        if noun:
            return noun
    return None

"""Remove what is not the article, and pull the dateline out as metadata.

Real feeds append related-link lists ("You may also like" and unrelated headlines),
interleave ad markers ("Advertisement · Scroll to continue"), "Also Read: ..." teasers,
share and newsletter prompts, and agency credits ("With inputs from agencies."). Left in,
they turn into bogus actors and events. The dateline ("New Delhi |", "KUALA LUMPUR,
April 1 (AFP) -") names where the story was filed: it becomes ``Article.place`` (and the
date, when it gives a full one) and leaves the text, so it is never read as a subject.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace

from .dates import parse_date
from .model import Article
from .documents import Document, UnreadableInput

# A line that starts a tail of links unrelated to the article: everything after it goes.
_TAIL = re.compile(
    r"^(you may also like|you might also like|related( articles| stories| news| posts| coverage| content)?"
    r"|more from [\w ]+|more stories|recommended( for you| stories)?|most (read|popular|viewed)"
    r"|trending( now| stories)?|latest (news|stories)|also on [\w ]+|read next|top stories"
    r"|more on this story|popular (now|stories))\s*:?\s*$",
    re.I,
)
# A line that is boilerplate wherever it appears. Words that can also open a sentence of news
# ("Sponsored by the UN, the talks...", "Copyright holders sued...", "Subscribers to the fund...")
# count only as the page's own labels: alone, before a colon, or in their usual phrases.
_DROP = re.compile(
    r"^((advertisement|advertisment|sponsored(\s+(content|post|story))?)\s*([:|·•-].*)?$"
    r"|scroll to continue|story continues below|continue reading\b"
    r"|click here\b|subscribe(\s+(now|today|here|for free)\b|\s+to\s+(our|the)\s+[\w ]{0,40}(newsletter|channel|podcast|edition|briefing)|\W*$)"
    r"|sign up(\s+(now|today|here|for free)\b|\s+(to|for)\s+(our|the)\s+[\w ]{0,40}(newsletter|alerts|briefing|updates)|\W*$)"
    r"|follow us\b|share (this|on|via)\b|share$"
    r"|tweet$|download (the|our) app\b|(also|must) read\s*[:|-]|read (also|more)\s*[:|-]"
    r"|see also\s*:|watch\s*:|photo\s*:|image\s*:|file photo\b|\(?representational image\)?"
    r"|copyright\s*(©|\(c\)|\d{4}\b|$)|©|all rights reserved\b)",
    re.I,
)
_AD_FRAGMENT = re.compile(r"^(advertisement|scroll to continue)(\s*[·|•-]\s*(advertisement|scroll to continue))*\s*$", re.I)
# Credits: the agencies or reporters behind the copy, kept as metadata.
_CREDIT = re.compile(
    r"^\(?\s*(with inputs? from [^)]+|inputs? from [^)]+|\(?reporting by [^)]+|writing by [^)]+"
    r"|editing by [^)]+|additional reporting by [^)]+|compiled by [^)]+)\s*\)?\.?\s*$",
    re.I,
)
_TRAILING_AGENCY = re.compile(r"^[-—–]*\s*\(?(AFP|AP|Reuters|PTI|IANS|ANI|Xinhua|dpa|UNI|Bloomberg)\)?\s*$")

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        1,
    )
    for m in names
}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\)"
# Words of a place, hyphens inside them ("PORT-AU-PRINCE"): each hyphen belongs to one word, so a
# long run of "A-A-A-" cannot be split in many ways (that cost grew as the fourth power).
_PLACE_WORD = r"[A-Z][A-Za-z.'’]*(?:-[A-Za-z][A-Za-z.'’]*)*"
# the place, then perhaps its country ("CHENNAI, India"), which is never the date ("WASHINGTON, Dec 2")
_PLACE = (
    rf"(?P<place>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}"
    rf"(?:,\s*(?!{_MONTH}\s+\d)[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){{0,2}})?)"
)
_DATE = rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:\s*,?\s*(?P<year>\d{{4}}))?"
_DATELINES = [
    # "New Delhi |" / "NEW DELHI:" (place, a bar or colon, then the story)
    re.compile(rf"^{_PLACE}\s*[|:]\s+(?=[A-Z\"“'‘])"),
    # "KUALA LUMPUR, April 1 (AFP) -", "BEIJING, May 3 (Xinhua) --", "WASHINGTON (Reuters) -"
    re.compile(rf"^{_PLACE}\s*(?:,\s*{_DATE}\s*)?\s*(?:{_AGENCY})?\s*(?:-{{1,2}}|—|–)\s+"),
]
# What follows a dateline opens the story's first sentence; "UNICEF - the UN agency - said" is prose.
_OPENS_A_SENTENCE = re.compile(r"[A-Z0-9\"“'‘(]")


@dataclass
class Dateline:
    place: str | None
    date: str | None = None
    agency: str | None = None


def clean(doc: Document) -> Article:
    """Clean one raw document into an Article with its id.

    Raises UnreadableInput when nothing of the article is left.
    """
    doc = replace(  # a terminal obeys ESC and BEL wherever they come from: the metadata too
        doc,
        **{k: printable(v) for k in ("text", "title", "source", "url", "dateline") if (v := getattr(doc, k))},
    )
    paragraphs, credits = clean_paragraphs(doc.text)
    if doc.title and paragraphs and normalize(paragraphs[0]) == normalize(doc.title):
        paragraphs = paragraphs[1:]  # the headline repeated at the top of the body
        if not paragraphs:
            raise UnreadableInput("no article text besides the headline")
    dateline = None
    if paragraphs:
        dateline, first = split_dateline(paragraphs[0], doc.date)
        paragraphs[0] = first
        paragraphs = [p for p in paragraphs if p]
    if doc.dateline:
        given = parse_dateline(doc.dateline, doc.date)
        dateline = given if given.place else dateline
    if not paragraphs:
        raise UnreadableInput("no article text left after removing boilerplate")
    text = "\n\n".join(paragraphs)
    if dateline and dateline.agency:
        credits.append(dateline.agency)
    published = parse_date(doc.date) or (dateline.date if dateline else None)
    return Article(
        id=article_id(text),
        text=text,
        title=clean_title(doc.title, paragraphs[0]),
        published=published,
        source=doc.source,
        url=doc.url,
        place=dateline.place if dateline else None,
        origin=doc.origin,
        credits=credits,
    )


# Wire services' notes to editors where a headline belongs: "ATTENTION - ADDS quotes ///",
# "=(GRAPHIC+PICTURE)=", "= (PICTURES) =", and the "///" that ends a slug.
_TITLE_NOTE = re.compile(
    r"^\s*ATTENTION\b[^/]*///|=\s*\(\s*(?:GRAPHIC|PICTURES?|PHOTOS?|VIDEO|MAP)[A-Z+ ]*\)\s*=|/{3,}", re.I
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")
_HEADLINE_WORDS = 30  # a first paragraph this short, with no full stop, can be a headline


# Control characters (a terminal obeys ESC and BEL in what it prints) and halves of a surrogate
# pair (a cut emoji: no encoder writes one); tabs and line ends stay.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|[\ud800-\udfff]")


def printable(text: str) -> str:
    """Text without control characters; a lone surrogate becomes U+FFFD.

    >>> printable("Talks\x1b[31m resumed\x07 " + chr(0xD83D))
    'Talks[31m resumed \ufffd'
    """
    return _UNPRINTABLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)


def clean_title(title: str | None, first: str) -> str | None:
    """The headline, or None when the title field holds none (the store then shows the first line).

    Feeds of wire copy put editors' notes, bylines and the cut-off tail of a long headline in the
    title field. What is left of the notes must open as a headline does, with a capital or a
    figure; a tail that the article's first paragraph ends with gives that paragraph as the headline.

    >>> clean_title("ATTENTION - ADDS quotes, background ///", "Rebels seized the town on Monday.")
    >>> clean_title("=(PICTURE)= Storm floods the capital", "Rain fell for days.")
    'Storm floods the capital'
    >>> clean_title("official", "Oil imports slow in 2006, official")
    'Oil imports slow in 2006, official'
    >>> clean_title("by Jane Smith", "The vote was held."), clean_title("Ministers meet in Delhi", "x")
    (None, 'Ministers meet in Delhi')
    """
    if not title:
        return None
    text = " ".join(_TITLE_NOTE.sub(" ", title).split()).strip(" -–—|:")
    first = " ".join(first.split())
    if text and first.lower().endswith(text.lower()) and len(first) > len(text) and not first.endswith("."):
        if len(first.split()) <= _HEADLINE_WORDS:
            return first
    opening = next((c for c in text if c.isalnum()), "")
    if not (opening.isupper() or opening.isdigit()) or _BYLINE.match(text):
        return None  # a headline opens with a capital: "years", "for karaoke bars" are tails
    return text


def clean_paragraphs(text: str) -> tuple[list[str], list[str]]:
    """The article's paragraphs without boilerplate, and the credits found.

    >>> clean_paragraphs("Talks went well.\\nAdvertisement\\nYou may also like\\nCats win award")
    (['Talks went well.'], [])
    """
    paragraphs: list[str] = []
    credits: list[str] = []
    for raw in re.split(r"\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        line = re.sub(r"[ \t\u00a0]+", " ", raw).strip()
        if not line:
            continue
        if _TAIL.match(line):
            break
        if _AD_FRAGMENT.match(line) or (_DROP.match(line) and len(line) < 200):
            continue
        credit = _CREDIT.match(line) or _TRAILING_AGENCY.match(line)
        if credit:
            credits.append(credit.group(1).strip(" ()."))
            continue
        paragraphs.append(line)
    return paragraphs, credits


def split_dateline(paragraph: str, known_date: str | None = None) -> tuple[Dateline | None, str]:
    """Take a leading dateline off the first paragraph.

    >>> split_dateline("New Delhi | Singh hosted Nakatani.")
    (Dateline(place='New Delhi', date=None, agency=None), 'Singh hosted Nakatani.')
    >>> split_dateline("KUALA LUMPUR, April 1 (AFP) - Shares fell.", "1997-04-02")[0]
    Dateline(place='Kuala Lumpur', date='1997-04-01', agency='AFP')
    """
    for pattern in _DATELINES:
        m = pattern.match(paragraph)
        if not m:
            continue
        place = m.group("place").strip(" ,")
        if len(place.split()) > 5 or place.lower() in {"but", "and", "the", "update", "breaking"}:
            continue
        groups = m.groupdict()
        if "|" not in m.group(0) and ":" not in m.group(0) and not place.isupper() and not groups.get("agency"):
            continue  # "Officials said - ..." is prose, not a dateline: require caps or an agency
        if not groups.get("agency") and not _OPENS_A_SENTENCE.match(paragraph[m.end() :]):
            continue
        date = _dateline_date(groups.get("month"), groups.get("day"), groups.get("year"), known_date)
        return Dateline(_title_case(place), date, groups.get("agency")), paragraph[m.end() :].strip()
    return None, paragraph


def parse_dateline(text: str, known_date: str | None = None) -> Dateline:
    """A dateline given as its own field, e.g. ``"KUALA LUMPUR, April 1 , 1997 (AFP)"``."""
    m = re.match(rf"^\s*{_PLACE}\s*(?:,\s*{_DATE})?\s*(?:{_AGENCY})?", text.strip())
    if not m:
        return Dateline(None)
    g = m.groupdict()
    return Dateline(
        _title_case(g["place"].strip(" ,")),
        _dateline_date(g.get("month"), g.get("day"), g.get("year"), known_date),
        g.get("agency"),
    )


def article_id(text: str) -> str:
    """16 hex digits of a hash of the normalized text: case, accents, spacing and punctuation ignored.

    >>> article_id("Singh  hosted Nakatani.") == article_id("singh hosted nakatani")
    True
    """
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", folded))


def _dateline_date(month: str | None, day: str | None, year: str | None, known: str | None) -> str | None:
    if not (month and day):
        return None
    mon = _MONTHS.get(month.lower().rstrip("."))
    if mon is None:
        return None
    if year is None:
        iso = parse_date(known)
        if not iso:
            return None
        kyear, kmon = int(iso[:4]), int(iso[5:7])
        # A dateline of December in an article dated January belongs to the year before.
        year_n = kyear - 1 if mon == 12 and kmon == 1 else kyear
    else:
        year_n = int(year)
    try:
        import datetime

        return datetime.date(year_n, mon, int(day)).isoformat()
    except ValueError:
        return None


def _title_case(place: str) -> str:
    """A place in capitals as it is written elsewhere: "NEW DELHI" -> "New Delhi", and the town of
    "BUSAN, South Korea" too."""
    parts = place.split(",")
    return ",".join(
        " ".join(w if re.fullmatch(r"(?:[A-Z]\.)+", w) else w.capitalize() for w in part.split(" "))
        if part.isupper()
        else part
        for part in parts
    )

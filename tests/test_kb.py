"""The knowledge base: building it from small dictionaries in every format, and resolving names at a date."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline import kb
from dateline.actors import code_actor, find_actors
from dateline.annotate import parse
from dateline.kb import KBError, KnowledgeBase, build_kb
from dateline.kb.codes import split_code
from dateline.kb.lookup import IN_OFFICE

ACTORS = """# a small TABARI actor dictionary
KASSYM-JOMART_TOKAYEV_
+MR._TOKAYEV_
\t[KAZGOV 070101-111231]
\t[KAZGOV >190320]
\t[KAZELI]
NORDLAND_  [NRD]
+NORDLANDIC_
NORTHERN_LEAGUE_OF_STATES_ [IGO]
LEAGUE_
BAD_ENTRY [NRD 99x]
+ORPHAN_SYNONYM
"""
AGENTS = """!PERSON! = MAN, MEN
!MINIST! = MINISTER, MINISTERS
FOREIGN_!MINIST! [~GOV]
MILITIA!PERSON! [~UAF]
THIEF {THIEVES} [~CRM]
MONDAY [~NON]
RIOT_POLICE [~COP]
NO_CODE_HERE
"""
CABINET = """position,person,personID,start,end
Minister of Foreign Affairs,Kassym-Jomart Tokayev,Q1,2002-01-28,2007-01-10
President,Kassym-Jomart Tokayev,Q1,2019-03-20,
Prime Minister,Ana Berg,Q2,2010-01-01,2015-06-30
Prime Minister,,Q3,2016-01-01,
State Secretary,Saida Holm,Q8,2000-01-01,2005-12-31
"""
LEADERS = """countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year
Q1,Kazakhstan,Q9,President of Kazakhstan,Q4,Nursultan Nazarbayev,1991,2019
Q1,Kazakhstan,Q14,Honorary Co-Regent of Kazakhstan,Q12,Erik Fjell,2016,
Q20,Norway,Q11,Prime Minister of Norway,Q12,Erik Fjell,2016,
Q20,Norway,Q13,Deputy Prime Minister of Norway,Q12,Erik Fjell,2010,2014
"""
FOREIGN = """person,name,country,countryLabel,position,positionLabel,start,psid
Q5,Lena Ost,Q20,Norway,Q6,Minister of Foreign Affairs,2013-10-16,x
Q7,Jonas Vestre,Q20,Norway,Q6,Minister of Foreign Affairs,2017-10-20,y
"""
COUNTRYINFO = """<!-- header -->
<Country>
<CountryCode>KAZ</CountryCode>
<CountryName>KAZAKHSTAN</CountryName>
<ISO3166-alpha3>KAZ</ISO3166-alpha3>
<Nationality>
\tKAZAKHSTANI_
</Nationality>
<Capital>
\tASTANA_
</Capital>
<Leaders>
\t<Presidents>
\t\tNURSULTAN_NAZARBAYEV_\t[19901201 - 20190320]  [B:19400706]
\t</Presidents>
</Leaders>
<Government>
\tDANIYAL_AKHMETOV_\t[KAZGOVMIL 20070110 - 20091231]\t# Minister of Defence
\tNO_TERM_PERSON_\t[NOT A CODE]
</Government>
</Country>
<Country>
<CountryCode>MNG</CountryCode>
<CountryName>MONGOLIA</CountryName>
<ISO3166-alpha3>MOZ</ISO3166-alpha3>
<Capital>
\tULAANBAATAR_
</Capital>
<Government>
\tBATBAYAR_TSEND_\t[MNGGOV 20070110 - 20091231]\t# Minister of Health
\tROBERT_ODONKOR_\t[MNGGOV 20070110 - 20091231]\t# Minister of Mines
\tGANBOLD_TSEND_\t[MNGGOV 20070110 - 20091231]\t# Minister of Roads
</Government>
</Country>
"""
COUNTRIES = """CCA2,Name,CCA3,Nationality
NO,Norway,NOR,"Norwegian, Norwegians"
"""


@pytest.fixture(scope="module")
def small_sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dictionaries")
    (root / "test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (root / "test_agents.txt").write_text(AGENTS, encoding="utf-8")
    (root / "cabinets").mkdir()
    (root / "cabinets" / "kazakhstan-cabinet.csv").write_text(CABINET, encoding="utf-8")
    (root / "world-leaders.csv").write_text(LEADERS, encoding="utf-8")
    (root / "world-foreign.csv").write_text(FOREIGN, encoding="utf-8")
    (root / "CountryInfo.test.txt").write_text(COUNTRYINFO, encoding="utf-8")
    (root / "countries.csv").write_text(COUNTRIES, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def small(small_sources: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[KnowledgeBase, kb.Report]:
    out = tmp_path_factory.mktemp("small-kb") / "kb.sqlite"
    report = build_kb([small_sources], out)
    return KnowledgeBase.load(out), report


def test_kb_build_counts_every_source(small: tuple[KnowledgeBase, kb.Report]) -> None:
    _, report = small
    for name in ("test.actors.txt", "test_agents.txt", "kazakhstan-cabinet.csv", "world-leaders.csv",
                 "world-foreign.csv", "CountryInfo.test.txt", "countries.csv"):
        assert report.counts[name] > 0, name


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("test.actors.txt", "unreadable date in [NRD 99x]"),
        ("test.actors.txt", "entry has no code"),
        ("test_agents.txt", "agent with no [~CODE]"),
        ("kazakhstan-cabinet.csv", "row with no person or position"),
        ("CountryInfo.test.txt", "person with no readable code or term"),
    ],
)
def test_kb_build_reports_bad_lines_with_reasons(small: tuple[KnowledgeBase, kb.Report], source: str, reason: str) -> None:
    _, report = small
    assert any(Path(s.path).name == source and s.reason == reason for s in report.skipped), report.summary()


@pytest.mark.parametrize(
    ("name", "date", "expected"),
    [
        ("Kassym-Jomart Tokayev", 20050101, ("KAZ", "GOV", "Minister of Foreign Affairs")),  # the cabinet table
        ("Kassym-Jomart Tokayev", 20200101, ("KAZ", "GOV", "President")),
        ("Kassym-Jomart Tokayev", 20160101, ("KAZ", "ELI", None)),  # between offices: the dictionary's default
        ("Mr. Tokayev", 20090101, ("KAZ", "GOV", None)),  # a + synonym with the dated code
        ("Ana Berg", 20120101, ("KAZ", "GOV", "Prime Minister")),
        ("Ana Berg", 20180101, ("KAZ", "ELI", "Prime Minister")),  # a former leader is ELI
        ("Ana Berg", IN_OFFICE, ("KAZ", "GOV", "Prime Minister")),  # a text with no day names her office
        ("Kassym-Jomart Tokayev", IN_OFFICE, ("KAZ", "GOV", "President")),  # the latest office he held
        ("Nursultan Nazarbayev", 20000101, ("KAZ", "GOV", "President")),
        ("Lena Ost", 20150101, ("NOR", "GOV", "Minister of Foreign Affairs")),
        ("Lena Ost", 20180101, ("NOR", "ELI", "Minister of Foreign Affairs")),  # her successor started
        ("Daniyal Akhmetov", 20080101, ("KAZ", "GOV", "Minister of Defence")),
        ("Erik Fjell", 20200101, ("NOR", "GOV", "Prime Minister")),  # two offices at once: his own country's
        ("Nordlandic", None, ("NRD", None, None)),
        ("League", None, ("IGO", None, None)),  # a code-less entry under a coded one is its other name
    ],
)
def test_kb_resolves_names_at_a_date(small: tuple[KnowledgeBase, kb.Report], name: str, date: int | None,
                                     expected: tuple) -> None:
    base, _ = small
    found = base.resolve(name, date)
    assert found is not None
    role = found.role[: len(expected[2])] if expected[2] and found.role else None
    assert (found.country, found.sector, role) == expected


@pytest.mark.parametrize(
    ("name", "date", "near", "expected"),
    [
        ("Holm", 20030101, (), "KAZ"),  # a surname whose one bearer is in office that day
        ("Holm", 20180101, (), None),  # out of office, and nothing around says Kazakhstan: no guess
        ("Holm", 20180101, ("KAZ",), "KAZ"),  # the article names the bearer's country
        ("Saide Holm", 20030101, (), "KAZ"),  # another spelling of the given name
        ("Shira Holm", 20030101, (), None),  # another person: a full name must match a full name
        ("Shira Holm", 20030101, ("KAZ",), None),
        ("Saida M. Holm", 20030101, (), "KAZ"),  # one name inside the other, an initial more
        ("Bob Odonkor", 20080101, (), "MNG"),  # a short form of the given name
        ("Bert Odonkor", 20080101, (), None),  # not one
    ],
)
def test_kb_surname_guesses_need_context(small: tuple[KnowledgeBase, kb.Report], name: str, date: int,
                                         near: tuple[str, ...], expected: str | None) -> None:
    found = small[0].resolve(name, date, near, weak=True)
    assert (found.country if found else None) == expected
    assert small[0].resolve(name, date, near) is None  # only a weak lookup tries surnames


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [("foreign ministers", "GOV"), ("militiamen", "UAF"), ("thieves", "CRM"), ("riot police", "COP"),
     ("Monday", "NON"), ("bakers", None)],
)
def test_kb_agents_with_sets_and_plurals(small: tuple[KnowledgeBase, kb.Report], phrase: str, sector: str | None) -> None:
    assert small[0].agent(phrase) == sector


def test_kb_places_from_countryinfo_and_ngec(small: tuple[KnowledgeBase, kb.Report]) -> None:
    base, _ = small
    assert (base.place("Kazakhstani"), base.place("Astana"), base.place("Norwegians")) == ("KAZ", "KAZ", "NOR")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Oyun Tsend", "MNG"),  # two bearers of the surname, both of one country: where the name comes from
        ("Oyun Odonkor", None),  # one bearer says too little
        ("Tsend", None),  # a bare surname is no introduced person
    ],
)
def test_kb_surname_country_needs_several_bearers(small: tuple[KnowledgeBase, kb.Report], name: str,
                                                  expected: str | None) -> None:
    assert small[0].surname_country(name) == expected


def test_kb_countryinfo_alpha3_slip_goes_by_name_and_cameo_code(small: tuple[KnowledgeBase, kb.Report]) -> None:
    """A block whose alpha-3 line names another country than its name and CAMEO code agree on."""
    base, _ = small
    found = base.resolve("Batbayar Tsend", 20080101)
    assert (base.place("Ulaanbaatar"), found.country if found else None) == ("MNG", "MNG")


@pytest.mark.parametrize(
    ("code", "plover", "expected"),
    [("USAGOV", False, ("USA", "GOV")), ("IGOUNO", False, ("UNO", None)), ("~GOVMIL", False, (None, "GOV")),
     ("RUSMED", False, ("RUS", "JRN")), ("~HLH", False, (None, "MED")), ("~MED", True, (None, "MED")),
     ("IRQINS", False, ("IRQ", "REB")), ("---GOV", False, (None, "GOV"))],
)
def test_kb_cameo_codes_become_plover_sectors(code: str, plover: bool, expected: tuple) -> None:
    assert split_code(code, plover=plover) == expected


def test_kb_build_without_dictionaries_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here\n", encoding="utf-8")
    with pytest.raises(KBError, match="no dictionaries"):
        build_kb([tmp_path], tmp_path / "kb.sqlite")
    assert not (tmp_path / "kb.sqlite").exists()
    with pytest.raises(KBError, match="no such folder"):
        build_kb([tmp_path / "missing"], tmp_path / "kb.sqlite")


def test_kb_pickles_as_its_path(small: tuple[KnowledgeBase, kb.Report]) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(small[0]))
    assert copy.resolve("Ana Berg", 20120101) == small[0].resolve("Ana Berg", 20120101)


@pytest.fixture
def small_kb(small: tuple[KnowledgeBase, kb.Report], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATELINE_KB", str(small[0].path))
    kb.use(None)
    yield small[0]
    monkeypatch.undo()
    kb.use(None)


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Kassym-Jomart Tokayev", "2005-06-01", ("KAZ", "GOV")),
        ("Ana Berg", "2012-06-01", ("KAZ", "GOV")),
        ("Ana Berg", "2018-06-01", ("KAZ", "ELI")),  # out of office on the article's day
        ("former Prime Minister Ana Berg", "2012-06-01", ("KAZ", "ELI")),  # the text's own word wins
        ("former Prime Minister Ana Berg", None, ("KAZ", "ELI")),
        ("Berg", "2012-06-01", ("KAZ", "GOV")),  # a surname one bearer has
        ("Monday", None, (None, None)),  # a day is no actor
    ],
)
def test_code_actor_with_the_knowledge_base_at_the_articles_date(small_kb, text: str, date: str | None,
                                                                 expected: tuple) -> None:
    assert code_actor(text, "", date) == expected


def test_find_actors_resolves_in_the_document_first(small_kb) -> None:
    text = ("Norwegian Foreign Minister Jonas Vestre met Ana Berg on Monday. "
            "Vestre said the talks went well, and Berg agreed.")
    actors = {a.name: a for a in find_actors(parse(text), date="2012-06-01") if a.kind == "PERSON"}
    vest, berg = actors["Jonas Vestre"], actors["Ana Berg"]
    assert (vest.country, vest.role) == ("NOR", "Foreign Minister")  # the text, though the KB has him later
    assert "Vestre" in [m.text for m in vest.mentions] and "Berg" in [m.text for m in berg.mentions]
    assert (berg.country, berg.sector) == ("KAZ", "GOV")  # the knowledge base, on that day


def test_find_actors_an_office_held_that_day_beats_a_generic_title(small_kb) -> None:
    """"Chairman" names a company's head or a ruling body's: the dictionary's office on the day decides."""
    text = "Chairman Ana Berg met Chairman Tomas Lind on Monday."
    actors = {a.name: a for a in find_actors(parse(text), date="2012-06-01") if a.kind == "PERSON"}
    assert (actors["Ana Berg"].country, actors["Ana Berg"].sector) == ("KAZ", "GOV")
    assert actors["Tomas Lind"].sector == "BUS"  # the KB knows him not: the title stands (a company head)


def test_find_actors_recovers_known_full_names_the_tagger_missed(small_kb) -> None:
    doc = parse("Kassym-Jomart Tokayev said the talks went well.")
    assert not any(e.label_ == "PERSON" for e in doc.ents)  # the tagger reads the name as an organisation
    actors = [(a.name, a.kind, a.country) for a in find_actors(doc, date="2005-06-01")]
    assert ("Kassym-Jomart Tokayev", "PERSON", "KAZ") in actors, actors


def test_find_actors_the_is_no_place() -> None:
    actors = find_actors(parse("The defence secretary, James Mattis, said the army was ready."))
    assert all(a.country != "BRA" for a in actors), [(a.name, a.country) for a in actors]
    assert code_actor("The defence secretary") == (None, "GOV")


def test_kb_missing_means_reduced_coding_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("DATELINE_KB", str(tmp_path / "none.sqlite"))
    monkeypatch.delenv("DATELINE_KB_WARNED", raising=False)
    kb.use(None)
    assert kb.get() is None and kb.get() is None
    kb.use(None)
    assert kb.get() is None
    said = [r.getMessage() for r in caplog.records if "actor coding is reduced" in r.getMessage()]
    assert len(said) == 1 and "dateline kb build" in said[0]
    kb.use(None)


def test_kb_missing_is_one_line_on_stderr_for_a_command(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "DATELINE_KB": str(tmp_path / "none.sqlite")}
    env.pop("DATELINE_KB_WARNED", None)
    text = tmp_path / "a.txt"
    text.write_text("Rebels attacked an army post near the border on Monday.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dateline", "run", str(text), "--db", str(tmp_path / "a.db"),
                           "--quiet", "--no-progress"], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0
    lines = [line for line in proc.stderr.splitlines() if "knowledge base" in line]
    assert len(lines) == 1 and lines[0].startswith("dateline: no knowledge base at")


def test_kb_cli_build_prints_what_it_read(small_sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dateline.cli import main

    out = tmp_path / "kb.sqlite"
    assert main(["kb", "build", str(small_sources), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "test.actors.txt" in printed and "skipped" in printed and out.exists()
    assert main(["kb", "build", str(tmp_path / "missing"), "--out", str(out)]) == 2


@pytest.mark.parametrize(
    ("task", "file", "country", "sector"),
    [("actors", "actors.jsonl", 0.865, 0.82), ("actors-gsr", "actors-gsr.jsonl", 0.942, 0.835)],
)
def test_kb_actors_quality_gate(shared_kb, task: str, file: str, country: float, sector: float) -> None:
    from dateline.evaluation import task_module
    from tests.conftest import shared_file

    metrics = task_module(task).evaluate(shared_file("eval", file))
    assert metrics["country_accuracy"] >= country
    assert metrics["sector_accuracy"] >= sector

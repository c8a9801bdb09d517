"""Standing states, habits, questions, proposals and refusals: what a clause tells that is not an
act on a day, each beside the act the same word tells elsewhere."""

from __future__ import annotations

import pytest

from dateline.model import Event

from .test_events_senses import code


def found(text: str) -> dict[str, Event]:
    return {e.trigger: e for e in code(text)}


@pytest.mark.parametrize(
    "text, trigger, event",
    [
        # a place in a condition / coming into it
        ("Aid reached the northern town which is under Sudanese blockade since May.", "blockade", False),
        ("The northern town came under attack from rebel fighters on Monday.", "attack", True),
        # a charge one stands under / a charge brought
        ("A navy lieutenant, facing charges over a failed revolt in 2004, fled on Friday.", "charges", False),
        ("Prosecutors filed charges against the navy lieutenant on Friday.", "filed", True),
        ("A navy lieutenant, facing charges over a failed revolt in 2004, fled on Friday.", "facing", False),
        # machines that go with a force / a state that backs a side
        ("At dawn a patrol, backed by a column of tanks, swept through the old market of Tulkarm.", "backed", False),
        ("Moscow backed the rebels with arms and money.", "backed", True),
        # a habit told in the present / an act on a day
        ("In the south, guerrillas often ambush army patrols on the mountain roads.", "patrols", False),
        ("Militias routinely detain activists at checkpoints around the port.", "detain", False),
        ("The militia detained six activists at a checkpoint near the port on Monday.", "detained", True),
        # a leader's rally with his followers / a rally against a government
        ("On Friday the governor addresses a rally with his supporters in the capital.", "rally", False),
        ("The opposition held a rally against the governor in the capital on Sunday.", "rally", True),
        # a thing that endangers / an actor that threatens
        ("Illegal mining on such a scale going on in the hills threatened the rivers, she said.", "threatened", False),
        ("The rebel commander threatened the villagers with reprisals on Sunday.", "threatened", True),
        # a quoted question / a request
        ('"Which way out is left for the people of Burundi now," an envoy here asked on Monday.', "asked", False),
        ("The envoy asked the army to open the roads to the north on Monday.", "asked", True),
        ('"Do not shell the camps," the mediator asked the two armies on Friday.', "asked", True),
        # an attack one is under on a day; a rally for a demand; an appeal that names a holiday
        ("Residents said the convoy was under attack by militiamen on Monday.", "attack", True),
        ("The opposition chief led a rally of his supporters in Lusaka on Sunday to demand a recount.", "rally", True),
        ("The council urged both militias to stop the shelling during the holiday season.", "urged", True),
    ],
)
def test_states_habits_and_questions_are_no_acts(text: str, trigger: str, event: bool, shared_kb) -> None:
    assert (trigger in found(text)) is event


def test_evidence_suggesting_an_act_is_no_proposal(shared_kb) -> None:
    assert found("Satellite images suggest that the militia burned the village on Monday.")["burned"].status == "occurred"


def test_an_act_put_forward_is_not_done(shared_kb) -> None:
    e = found("In her report Smith is to propose pulling troops back from the border, with fewer staff.")
    assert e["pulling"].status != "occurred"
    e = found("The army cut its staff while withdrawing troops from the border in 2009.")
    assert e["withdrawing"].status == "occurred"
    e = found("The panel recommended that the government withdraw its troops from the border.")
    assert e["withdraw"].status != "occurred"


def test_sending_teams_to_help_is_aid(shared_kb) -> None:
    e = found("The ministry sent rescue teams to the coast to assist the victims.")
    assert e["sent"].type == "AID"


def test_will_not_tolerate_is_a_refusal(shared_kb) -> None:
    e = found('"We will not tolerate Kenyan jets crossing our airspace," the commander said.')
    assert (e["tolerate"].type, e["tolerate"].status) == ("REJECT", "occurred")
    e = found("The guards did not allow the reporters into the hall on Monday.")
    assert "allow" not in e or e["allow"].type != "REJECT"


def test_an_exhortation_to_a_pastime_is_no_support(shared_kb) -> None:
    assert "encouraged" not in found("In a televised message the mayor encouraged residents to enjoy the beaches.")
    assert "encouraged" in found("The premier encouraged the rebels to join the peace talks in Oslo on Monday.")


def test_what_is_not_known_to_have_happened_is_left_open(shared_kb) -> None:
    e = found("It remains unclear whether government troops have killed or captured the militia leaders.")
    assert e["killed"].status == "hypothetical"
    e = found("Officials said government troops have killed or captured the militia leaders.")
    assert e["killed"].status == "occurred"


def test_a_chance_judged_is_no_act(shared_kb) -> None:
    e = found("Ankara's envoy told reporters it was possible for Ankara to renege on the migrant pact.")
    assert e["renege"].status == "hypothetical"
    e = found("Ankara's envoy told reporters that Ankara had reneged on the migrant pact.")
    assert e["reneged"].status == "occurred"


def test_were_to_and_are_to_tell_a_plan(shared_kb) -> None:
    """The dictionary files "was" and "are" under IS: the verb "be" stays itself."""
    assert found("The two delegations were to sign the accord in Doha.")["sign"].status == "planned"
    assert found("The envoys are to meet the rebel commanders in Doha.")["meet"].status == "planned"


def test_an_attacked_patrol_is_no_deployment(shared_kb) -> None:
    e = found("A roadside bomb hit an Afghan army patrol west of Kandahar on Monday, killing three soldiers.")
    assert "patrol" not in e and "hit" in e

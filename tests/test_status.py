"""Whether an event happened: the status the clause gives it (planned, hypothetical, negated or
occurred), on sentences the project writes."""

from __future__ import annotations

import pytest

from dateline.annotate import parse
from dateline.events.status import clause_status
from dateline.events.vocabulary import lemma_of


def status_of(text: str, verb: str) -> str:
    doc = parse(text)
    token = next(t for t in doc if t.lower_ == verb or lemma_of(t) == verb)
    return clause_status(token)


@pytest.mark.parametrize(
    ("text", "verb", "status"),
    [
        # plans: set, due, expected, anticipated, scheduled to; will; plans to
        ("The two ministers are expected to meet in Geneva next week.", "meet", "planned"),
        ("Singh and his counterpart are anticipated to explore ways to boost trade.", "explore", "planned"),
        ("The president is due to visit Moscow in May.", "visit", "planned"),
        # resolve, only with "to": what one is determined to do is still to come, what a court
        # determined happened
        ("The envoy flew to Goma determined to ask the rebels for a truce.", "ask", "planned"),
        ("The minister is keen to sign the accord.", "sign", "planned"),
        ("The court determined that the soldiers had killed the villagers.", "killed", "occurred"),
        ("The prime minister is scheduled to visit Nairobi on Thursday.", "visit", "planned"),
        ("The two sides are set to sign an accord on Friday.", "sign", "planned"),
        ("The minister will host her counterpart on Monday.", "host", "planned"),
        ("The unions plan to march on parliament on Friday.", "march", "planned"),
        ("Beijing wishes to expand trade with Nairobi, the envoy said.", "expand", "planned"),
        # conditions and the conditional
        ("If the talks fail, the rebels would attack the capital.", "attack", "hypothetical"),
        ("The pact, if sealed, would provide for joint patrols.", "provide", "hypothetical"),
        ("Turkey could launch an offensive within days.", "launch", "hypothetical"),
        # what a hope is of is a prospect; news that something happened is a report of it
        ("The envoy voiced hope that the truce can lead to talks.", "lead", "hypothetical"),
        ("The minister expressed hope that the talks will resume.", "resume", "hypothetical"),
        ("The news that the rebels attacked the town spread fast.", "attacked", "occurred"),
        # a wish to express something is the expression itself, made as it is said
        ('"I would like to thank the people of Ghana," the minister said.', "thank", "occurred"),
        ("We want to congratulate the people of Malawi, the envoy said.", "congratulate", "occurred"),
        ("We would like to welcome the release of the prisoners, he said.", "welcome", "occurred"),
        # ... but a wish to do something else is not
        ("The president would like to visit Japan next year.", "visit", "hypothetical"),
        ("The rebels want to negotiate with the army.", "negotiate", "planned"),
        # denials
        ("The army did not attack the town, the spokesman said.", "attack", "negated"),
        ("No one was injured in the blast.", "injured", "negated"),
        # what one failed, avoided or held back from doing, or is yet to do, was not done
        ("Farm ministers failed to agree on fishing quotas at their meeting on Tuesday.", "agree", "negated"),
        ("Police have yet to arrest any suspects in the killing.", "arrest", "negated"),
        ("The army refrained from attacking the town.", "attacking", "negated"),
        ("The president stopped short of endorsing the plan.", "endorsing", "negated"),
        ("Washington steered clear on Thursday of condemning the invasion.", "condemning", "negated"),
        ("The rebels stopped attacking the town after the truce.", "attacking", "occurred"),
        ("The envoy arrived from Cairo after agreeing to the plan.", "agreeing", "occurred"),
        # wishes and opinions: what someone thinks should be done has not been done
        ("The smugglers should be arrested before they sail, critics say.", "arrested", "hypothetical"),
        ("They need to be tried in a proper court.", "tried", "hypothetical"),
        ("The envoy ought to meet both leaders.", "meet", "hypothetical"),
        # obligations, counterfactuals and conditions still to be met are not acts
        ("Israel must withdraw from the occupied territories.", "withdraw", "hypothetical"),
        ("The rebels have to disarm before the vote.", "disarm", "hypothetical"),
        ("Better intelligence could have stopped the attack, the inquiry said.", "stopped", "hypothetical"),
        ("The talks can resume once Tehran suspends its enrichment programme.", "suspends", "hypothetical"),
        # ... but an inference that it happened, and a condition met, are
        ("The hostages must have been killed days ago, the police said.", "killed", "occurred"),
        ("The talks resumed once Tehran suspended its enrichment programme.", "suspended", "occurred"),
        ("The troops had to withdraw after the ambush.", "withdraw", "occurred"),
        # what happened
        ("Police arrested the opposition leader on Monday.", "arrested", "occurred"),
        ("The envoy has met both leaders in the capital.", "met", "occurred"),
    ],
)
def test_status_of_a_clause(text: str, verb: str, status: str) -> None:
    assert status_of(text, verb) == status

"""Trigger words, phrase patterns, modes and contexts, built from the PLOVER codebook's definitions.

Each PLOVER event type is defined in the manual (``plover-spec/plover_manual.tex``) by the acts it
covers ("Agree to, offer, promise…", "All requests, demands, and orders", "Arrest, detain", "Use
unmanned aerial vehicles"…). The words below are those acts in their common news wordings, keyed
by spaCy lemma: a verb or an eventive noun maps to ``(type, mode)``; a few verbs take their type
from their object ("imposed a curfew", "lifted the curfew", "cut aid"); control and reporting verbs
take it from their complement ("agreed to withdraw", "said Sudan must return…"). Modes of
ASSAULT (weapons), PROTEST, COERCE… and the contexts come from cue words of the same definitions.
"""

# ruff: noqa: E501 -- the lexicon tables keep several entries per row so each type reads as one block

from __future__ import annotations

#: PLOVER event types (manual v2.0), in the manual's order.
TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

#: Types that become AGREE when only intended, offered or promised (manual, AGREE).
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: Material conflict that becomes THREATEN when only announced or threatened (manual, THREATEN).
FORCEFUL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
#: Verbal acts that govern the events in their complement ("refused to meet", "agreed to withdraw").
VERBAL = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE"})

Entry = tuple[str, str | None]

# -- verbs: lemma → (type, mode) ------------------------------------------------------------------

VERBS: dict[str, Entry] = {
    # AGREE: agree to, offer, promise, indicate willingness or commitment to cooperate
    "agree": ("AGREE", None), "offer": ("AGREE", None), "promise": ("AGREE", None),
    "pledge": ("AGREE", None), "vow": ("AGREE", None), "commit": ("AGREE", None),
    "invite": ("AGREE", None), "propose": ("AGREE", None),
    # CONSULT: meetings, visits, hosting, talks, phone calls, mediation
    "meet": ("CONSULT", None), "visit": ("CONSULT", "visit"), "host": ("CONSULT", "visit"),
    "telephone": ("CONSULT", "phone"), "phone": ("CONSULT", "phone"),
    "consult": ("CONSULT", None), "discuss": ("CONSULT", None), "negotiate": ("CONSULT", None),
    "mediate": ("CONSULT", "third-party"), "confer": ("CONSULT", None), "arrive": ("CONSULT", "visit"),
    "welcome": ("CONSULT", "visit"), "receive": ("CONSULT", "visit"),
    # SUPPORT: verbal support, praise, approval, ratify/sign, recognise, establish ties
    "praise": ("SUPPORT", None), "commend": ("SUPPORT", None), "endorse": ("SUPPORT", None),
    "back": ("SUPPORT", None), "support": ("SUPPORT", None), "approve": ("SUPPORT", None),
    "ratify": ("SUPPORT", None), "sign": ("SUPPORT", None), "recognize": ("SUPPORT", None),
    "recognise": ("SUPPORT", None), "defend": ("SUPPORT", None), "hail": ("SUPPORT", None),
    "applaud": ("SUPPORT", None), "congratulate": ("SUPPORT", None), "thank": ("SUPPORT", None),
    "forgive": ("SUPPORT", None), "reaffirm": ("SUPPORT", None),
    # CONCEDE: verbal concessions, pardons, amnesties, regret, easing restrictions
    "pardon": ("CONCEDE", None), "apologize": ("CONCEDE", None), "apologise": ("CONCEDE", None),
    "acquit": ("CONCEDE", None), "concede": ("CONCEDE", None), "accept": ("CONCEDE", None),
    "allow": ("CONCEDE", None), "permit": ("CONCEDE", None), "ease": ("CONCEDE", None),
    "relax": ("CONCEDE", None), "shorten": ("CONCEDE", None), "regret": ("CONCEDE", None),
    # COOPERATE: mutual material cooperation, extradition, intelligence sharing
    "cooperate": ("COOPERATE", None), "collaborate": ("COOPERATE", None), "extradite": ("COOPERATE", None),
    "share": ("COOPERATE", None), "exchange": ("COOPERATE", None), "trade": ("COOPERATE", None),
    # AID: material aid, grants, asylum, rescue
    "donate": ("AID", None), "provide": ("AID", None), "grant": ("AID", None), "supply": ("AID", None),
    "fund": ("AID", None), "finance": ("AID", None), "rescue": ("AID", None), "give": ("AID", None),
    "deliver": ("AID", None), "send": ("AID", None), "contribute": ("AID", None), "lend": ("AID", None), "shelter": ("AID", None),
    # RETREAT: withdraw, release, return, disarm, ceasefire, allow access, resign
    "withdraw": ("RETREAT", "withdraw"), "retreat": ("RETREAT", "withdraw"), "evacuate": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "free": ("RETREAT", "release"), "return": ("RETREAT", None),
    "disarm": ("RETREAT", "disarm"), "demobilize": ("RETREAT", "disarm"), "demobilise": ("RETREAT", "disarm"),
    "resign": ("RETREAT", "resign"), "quit": ("RETREAT", "resign"), "repatriate": ("RETREAT", None),
    "compensate": ("RETREAT", None),
    # REQUEST: requests, demands, orders, appeals
    "demand": ("REQUEST", None), "urge": ("REQUEST", None), "ask": ("REQUEST", None),
    "request": ("REQUEST", None), "appeal": ("REQUEST", None), "press": ("REQUEST", None),
    "plead": ("REQUEST", None), "petition": ("REQUEST", None), "implore": ("REQUEST", None),
    "exhort": ("REQUEST", None), "seek": ("REQUEST", None), "push": ("REQUEST", None),
    "recommend": ("REQUEST", None), "encourage": ("REQUEST", None), "advise": ("REQUEST", None),
    "order": ("REQUEST", None), "insist": ("REQUEST", None), "beg": ("REQUEST", None),
    # ACCUSE: disapprove, condemn, criticise; accuse, allege, sue, indict, charge; investigate
    "condemn": ("ACCUSE", "disapprove"), "denounce": ("ACCUSE", "disapprove"),
    "criticize": ("ACCUSE", "disapprove"), "criticise": ("ACCUSE", "disapprove"),
    "decry": ("ACCUSE", "disapprove"), "deplore": ("ACCUSE", "disapprove"),
    "complain": ("ACCUSE", "disapprove"), "blast": ("ACCUSE", "disapprove"),
    "slam": ("ACCUSE", "disapprove"), "censure": ("ACCUSE", "disapprove"),
    "rebuke": ("ACCUSE", "disapprove"), "chastise": ("ACCUSE", "disapprove"),
    "object": ("ACCUSE", "disapprove"), "lambast": ("ACCUSE", "disapprove"),
    "protest": ("PROTEST", "demo"),
    "accuse": ("ACCUSE", "allege"), "allege": ("ACCUSE", "allege"), "blame": ("ACCUSE", "allege"),
    "charge": ("ACCUSE", "allege"), "indict": ("ACCUSE", "allege"), "sue": ("ACCUSE", "allege"),
    "prosecute": ("ACCUSE", "allege"), "investigate": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"), "question": ("ACCUSE", "investigate"),
    "interrogate": ("ACCUSE", "investigate"),
    # REJECT: all rejections and refusals
    "reject": ("REJECT", None), "refuse": ("REJECT", None), "decline": ("REJECT", None),
    "deny": ("REJECT", None), "oppose": ("REJECT", None), "veto": ("REJECT", None),
    "rebuff": ("REJECT", None), "spurn": ("REJECT", None), "dismiss": ("REJECT", None),
    "defy": ("REJECT", None), "violate": ("REJECT", None), "resist": ("REJECT", None),
    "bar": ("REJECT", None), "disallow": ("REJECT", None),
    "boycott": ("PROTEST", "boycott"),
    # THREATEN: threats, coercive or forceful warnings, ultimatums
    "threaten": ("THREATEN", None), "warn": ("THREATEN", None),
    # PROTEST: demonstrations, rallies, marches, strikes, riots, blockades by civilians
    "demonstrate": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"), "march": ("PROTEST", "demo"),
    "picket": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"), "strike": ("ASSAULT", None),
    # SANCTION: reductions in relations, expulsions of diplomats, convictions, embargoes
    "sanction": ("SANCTION", "discontinue"), "convict": ("SANCTION", "convict"),
    "sentence": ("SANCTION", "convict"), "expel": ("SANCTION", "expel"), "embargo": ("SANCTION", "discontinue"),
    "sever": ("SANCTION", "discontinue"), "suspend": ("SANCTION", "discontinue"),
    "cancel": ("SANCTION", "discontinue"), "halt": ("SANCTION", "discontinue"),
    "freeze": ("SANCTION", "discontinue"), "recall": ("SANCTION", "withdraw"),
    "prohibit": ("SANCTION", "discontinue"), "reduce": ("SANCTION", "discontinue"),
    "cut": ("SANCTION", "discontinue"), "downgrade": ("SANCTION", "discontinue"),
    # MOBILIZE: military or police moves short of the use of force
    "mobilize": ("MOBILIZE", "troops"), "mobilise": ("MOBILIZE", "troops"), "deploy": ("MOBILIZE", "troops"),
    "mass": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", "troops"), "reinforce": ("MOBILIZE", "troops"),
    # COERCE: repression and coercion short of violence
    "arrest": ("COERCE", "arrest"), "detain": ("COERCE", "arrest"), "jail": ("COERCE", "arrest"),
    "imprison": ("COERCE", "arrest"), "apprehend": ("COERCE", "arrest"), "round": ("COERCE", "arrest"),
    "raid": ("COERCE", "seize"), "search": ("COERCE", "seize"), "confiscate": ("COERCE", "seize"),
    "seize": ("COERCE", "seize"), "impound": ("COERCE", "seize"), "censor": ("COERCE", "censor"),
    "ban": ("COERCE", "ban"), "outlaw": ("COERCE", "ban"), "deport": ("COERCE", "deport"),
    "blockade": ("COERCE", "restrict"), "cordon": ("COERCE", "restrict"), "restrict": ("COERCE", "restrict"),
    "hack": ("COERCE", "cyber"), "block": ("COERCE", "restrict"), "close": ("COERCE", "restrict"),
    "disperse": ("COERCE", "restrict"), "crack": ("COERCE", None), "evict": ("COERCE", "deport"),
    "demolish": ("ASSAULT", "destroy"), "raze": ("ASSAULT", "destroy"), "destroy": ("ASSAULT", "destroy"),
    "loot": ("ASSAULT", "destroy"), "ransack": ("ASSAULT", "destroy"), "pillage": ("ASSAULT", "destroy"),
    "plunder": ("ASSAULT", "destroy"), "vandalize": ("ASSAULT", "destroy"), "vandalise": ("ASSAULT", "destroy"),
    "defuse": ("COERCE", "seize"),
    "torch": ("ASSAULT", "primitive"), "burn": ("ASSAULT", "primitive"),
    # ASSAULT: deliberate actions that can cause substantial physical harm
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", "beat"), "kill": ("ASSAULT", None),
    "murder": ("ASSAULT", None), "assassinate": ("ASSAULT", "targeted"), "execute": ("ASSAULT", "targeted"),
    "shoot": ("ASSAULT", "firearms"), "gun": ("ASSAULT", "firearms"), "fire": ("ASSAULT", "firearms"),
    "shell": ("ASSAULT", "heavy-weapons"), "bomb": ("ASSAULT", "explosives"), "bombard": ("ASSAULT", "heavy-weapons"),
    "explode": ("ASSAULT", "explosives"), "detonate": ("ASSAULT", "explosives"),
    "stab": ("ASSAULT", "primitive"), "behead": ("ASSAULT", "primitive"), "stone": ("ASSAULT", "primitive"),
    "beat": ("ASSAULT", "beat"), "torture": ("ASSAULT", "torture"), "rape": ("ASSAULT", "sexual"),
    "abuse": ("ASSAULT", "beat"), "kidnap": ("ASSAULT", "abduct"), "abduct": ("ASSAULT", "abduct"),
    "hijack": ("ASSAULT", "abduct"), "invade": ("ASSAULT", "heavy-weapons"), "ambush": ("ASSAULT", None),
    "wound": ("ASSAULT", None), "injure": ("ASSAULT", None), "massacre": ("ASSAULT", "targeted"),
    "fight": ("ASSAULT", None), "clash": ("ASSAULT", None), "battle": ("ASSAULT", None),
    "target": ("ASSAULT", None), "hit": ("ASSAULT", None), "storm": ("ASSAULT", None),
    "capture": ("ASSAULT", None), "retake": ("ASSAULT", None), "recapture": ("ASSAULT", None),
    "overrun": ("ASSAULT", None), "occupy": ("ASSAULT", None),
    "airstrike": ("ASSAULT", "aerial"), "gas": ("ASSAULT", "crowd-control"),
}  # fmt: skip
# Further wordings of the codebook's acts (manual v2.0 definitions; CAMEO cue categories of
# CAMEO2PLOVER): consent, visits and talks, praise, concessions, hand-overs, orders, reproach,
# refusal, revolt, penalties, repression and killing in their common news verbs.
VERBS.update({
    "consent": ("AGREE", None), "guarantee": ("AGREE", None),
    "tour": ("CONSULT", "visit"), "convene": ("CONSULT", None),
    "shuttle": ("CONSULT", "third-party"), "laud": ("SUPPORT", None), "appreciate": ("SUPPORT", None), "sympathize": ("SUPPORT", None), "salute": ("SUPPORT", None), "extol": ("SUPPORT", None),
        "exonerate": ("CONCEDE", None), "accede": ("CONCEDE", None), "comply": ("CONCEDE", None), "relent": ("CONCEDE", None),
    "reinstate": ("CONCEDE", None), "legalize": ("CONCEDE", None), "legalise": ("CONCEDE", None),
    "coordinate": ("COOPERATE", None), "partner": ("COOPERATE", None), "subsidize": ("AID", None), "assist": ("AID", None), "aid": ("AID", None), "airlift": ("AID", None),
    "surrender": ("RETREAT", "disarm"), "cede": ("RETREAT", "withdraw"), "relinquish": ("RETREAT", "withdraw"),
    "vacate": ("RETREAT", "withdraw"), "abdicate": ("RETREAT", "resign"),
    "decommission": ("RETREAT", "disarm"),
    "instruct": ("REQUEST", None), "solicit": ("REQUEST", None),
    "lobby": ("REQUEST", None), "pressure": ("REQUEST", None), "pressurize": ("REQUEST", None),
    "pressurise": ("REQUEST", None), "beseech": ("REQUEST", None), "summon": ("REQUEST", None),
    "fault": ("ACCUSE", "disapprove"), "reproach": ("ACCUSE", "disapprove"), "vilify": ("ACCUSE", "disapprove"),
    "ridicule": ("ACCUSE", "disapprove"), "deride": ("ACCUSE", "disapprove"), "mock": ("ACCUSE", "disapprove"),
    "berate": ("ACCUSE", "disapprove"), "scold": ("ACCUSE", "disapprove"), "excoriate": ("ACCUSE", "disapprove"),
    "repudiate": ("REJECT", None), "renounce": ("REJECT", None), "disavow": ("REJECT", None),
    "refute": ("REJECT", None), "dispute": ("REJECT", None),
    "snub": ("REJECT", None), "shun": ("REJECT", None), "ignore": ("REJECT", None), "overrule": ("REJECT", None),
    "menace": ("THREATEN", None),
    "revolt": ("PROTEST", "riot"), "mutiny": ("PROTEST", "riot"),
    "blacklist": ("SANCTION", "discontinue"), "penalize": ("SANCTION", None), "penalise": ("SANCTION", None),
    "disqualify": ("SANCTION", "expel"),
    "muster": ("MOBILIZE", "troops"),
    "repress": ("COERCE", None), "suppress": ("COERCE", None), "persecute": ("COERCE", None),
    "harass": ("COERCE", None), "intimidate": ("COERCE", None), "expropriate": ("COERCE", "seize"),
    "nationalize": ("COERCE", "seize"), "nationalise": ("COERCE", "seize"), "dissolve": ("COERCE", "ban"),
    "jam": ("COERCE", "censor"), "gag": ("COERCE", "censor"), "muzzle": ("COERCE", "censor"),
    "besiege": ("COERCE", "restrict"), "encircle": ("COERCE", "restrict"), "intern": ("COERCE", "arrest"),
    "slay": ("ASSAULT", None), "slaughter": ("ASSAULT", None), "maim": ("ASSAULT", None),
    "lynch": ("ASSAULT", "beat"), "strafe": ("ASSAULT", "aerial"), "pound": ("ASSAULT", "heavy-weapons"),
    "skirmish": ("ASSAULT", None), "repel": ("ASSAULT", None), "repulse": ("ASSAULT", None),
    "counterattack": ("ASSAULT", None), "flog": ("ASSAULT", "beat"),
    "whip": ("ASSAULT", "beat"), "lash": ("ASSAULT", "beat"), "poison": ("ASSAULT", "unconventional"),
})  # fmt: skip

# -- eventive nouns: lemma → (type, mode) ---------------------------------------------------------

NOUNS: dict[str, Entry] = {
    "agreement": ("AGREE", None), "deal": ("AGREE", None), "accord": ("AGREE", None),
    "pact": ("AGREE", None), "treaty": ("AGREE", None), "promise": ("AGREE", None),
    "pledge": ("AGREE", None), "offer": ("AGREE", None), "consensus": ("AGREE", None),
    "ceasefire": ("AGREE", None), "cease-fire": ("AGREE", None), "truce": ("AGREE", None),
    "talk": ("CONSULT", None), "talks": ("CONSULT", None), "meeting": ("CONSULT", None),
    "summit": ("CONSULT", "multilateral"), "negotiation": ("CONSULT", None), "visit": ("CONSULT", "visit"),
    "consultation": ("CONSULT", None), "mediation": ("CONSULT", "third-party"), "discussion": ("CONSULT", None),
    "phone call": ("CONSULT", "phone"), "welcome": ("CONSULT", "visit"), "conference": ("CONSULT", "multilateral"),
    "praise": ("SUPPORT", None), "endorsement": ("SUPPORT", None), "recognition": ("SUPPORT", None),
    "approval": ("SUPPORT", None),
    "pardon": ("CONCEDE", None), "amnesty": ("CONCEDE", None), "apology": ("CONCEDE", None),
    "concession": ("CONCEDE", None),
    "cooperation": ("COOPERATE", None), "exercise": ("MOBILIZE", "troops"), "extradition": ("COOPERATE", None),
    "drill": ("MOBILIZE", "troops"), "maneuver": ("MOBILIZE", "troops"), "manoeuvre": ("MOBILIZE", "troops"),
    "war game": ("MOBILIZE", "troops"),
    "aid": ("AID", None), "assistance": ("AID", None), "asylum": ("AID", None), "donation": ("AID", None),
    "loan": ("AID", None), "grant": ("AID", None), "relief": ("AID", None),
    "withdrawal": ("RETREAT", "withdraw"), "pullout": ("RETREAT", "withdraw"), "pullback": ("RETREAT", "withdraw"),
    "release": ("RETREAT", "release"), "resignation": ("RETREAT", "resign"), "disarmament": ("RETREAT", "disarm"),
    "demand": ("REQUEST", None), "request": ("REQUEST", None), "appeal": ("REQUEST", None),
    "plea": ("REQUEST", None), "ultimatum": ("THREATEN", None), "call": ("REQUEST", None),
    "condemnation": ("ACCUSE", "disapprove"), "criticism": ("ACCUSE", "disapprove"),
    "accusation": ("ACCUSE", "allege"), "allegation": ("ACCUSE", "allege"), "charge": ("ACCUSE", "allege"),
    "indictment": ("ACCUSE", "allege"), "lawsuit": ("ACCUSE", "allege"), "complaint": ("ACCUSE", "disapprove"),
    "investigation": ("ACCUSE", "investigate"), "inquiry": ("ACCUSE", "investigate"),
    "probe": ("ACCUSE", "investigate"), "hearing": ("ACCUSE", "investigate"), "trial": ("ACCUSE", "allege"),
    "rejection": ("REJECT", None), "refusal": ("REJECT", None), "veto": ("REJECT", None),
    "threat": ("THREATEN", None), "warning": ("THREATEN", None),
    "protest": ("PROTEST", "demo"), "demonstration": ("PROTEST", "demo"), "rally": ("PROTEST", "demo"),
    "march": ("PROTEST", "demo"), "sit-in": ("PROTEST", "demo"), "riot": ("PROTEST", "riot"),
    "unrest": ("PROTEST", "riot"), "strike": ("PROTEST", "strike"), "walkout": ("PROTEST", "strike"),
    "boycott": ("PROTEST", "boycott"), "uprising": ("PROTEST", "riot"), "vigil": ("PROTEST", "demo"),
    "stayaway": ("PROTEST", "strike"), "stay-away": ("PROTEST", "strike"),
    "mahapanchayat": ("PROTEST", "demo"),  # a mass farmers' assembly with demands (South Asia)
    "sanction": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "expulsion": ("SANCTION", "expel"), "conviction": ("SANCTION", "convict"),
    "sentence": ("SANCTION", "convict"),
    "alert": ("MOBILIZE", "troops"), "mobilization": ("MOBILIZE", "troops"), "mobilisation": ("MOBILIZE", "troops"),
    "deployment": ("MOBILIZE", "troops"), "patrol": ("MOBILIZE", "troops"), "buildup": ("MOBILIZE", "troops"),
    "arrest": ("COERCE", "arrest"), "detention": ("COERCE", "arrest"), "crackdown": ("COERCE", None),
    "raid": ("COERCE", "seize"), "curfew": ("COERCE", "curfew"), "blockade": ("COERCE", "restrict"),
    "censorship": ("COERCE", "censor"), "deportation": ("COERCE", "deport"), "ban": ("COERCE", "ban"),
    "martial law": ("COERCE", "martial-law"), "state of emergency": ("COERCE", "martial-law"),
    "siege": ("COERCE", "restrict"), "blackout": ("COERCE", "censor"), "restriction": ("COERCE", "restrict"),
    "attack": ("ASSAULT", None), "assault": ("ASSAULT", None), "offensive": ("ASSAULT", None),
    "bombing": ("ASSAULT", "explosives"), "explosion": ("ASSAULT", "explosives"), "blast": ("ASSAULT", "explosives"),
    "shelling": ("ASSAULT", "heavy-weapons"), "shooting": ("ASSAULT", "firearms"), "gunfire": ("ASSAULT", "firearms"),
    "airstrike": ("ASSAULT", "aerial"), "air strike": ("ASSAULT", "aerial"), "air raid": ("ASSAULT", "aerial"),
    "missile strike": ("ASSAULT", "heavy-weapons"), "rocket strike": ("ASSAULT", "heavy-weapons"),
    "artillery strike": ("ASSAULT", "heavy-weapons"),
    "drone strike": ("ASSAULT", "drone"), "killing": ("ASSAULT", None), "massacre": ("ASSAULT", "targeted"),
    "assassination": ("ASSAULT", "targeted"), "ambush": ("ASSAULT", None), "clash": ("ASSAULT", None),
    "fighting": ("ASSAULT", None), "battle": ("ASSAULT", None), "invasion": ("ASSAULT", "heavy-weapons"),
    "kidnapping": ("ASSAULT", "abduct"), "abduction": ("ASSAULT", "abduct"), "hijacking": ("ASSAULT", "abduct"),
    "torture": ("ASSAULT", "torture"), "rape": ("ASSAULT", "sexual"), "execution": ("ASSAULT", "targeted"),
    "hostility": ("ASSAULT", None), "incursion": ("ASSAULT", None), "violence": ("ASSAULT", None),
    "bombardment": ("ASSAULT", "heavy-weapons"), "stabbing": ("ASSAULT", "primitive"),
    "beating": ("ASSAULT", "beat"), "suicide bombing": ("ASSAULT", "suicide-attack"),
    "car bomb": ("ASSAULT", "explosives"), "war": ("ASSAULT", None),
}  # fmt: skip
# Further eventive nouns of the same definitions (manual v2.0; CAMEO2PLOVER cue categories).
NOUNS.update({
    "commitment": ("AGREE", None), "invitation": ("AGREE", None),
    "tour": ("CONSULT", "visit"), "ratification": ("SUPPORT", None), "tribute": ("SUPPORT", None),
    "acquittal": ("CONCEDE", None), "handover": ("RETREAT", None), "hand-over": ("RETREAT", None),
    "surrender": ("RETREAT", "disarm"), "evacuation": ("RETREAT", "withdraw"), "repatriation": ("RETREAT", None),
    "airlift": ("AID", None), "petition": ("REQUEST", None),
    "rebuke": ("ACCUSE", "disapprove"), "denunciation": ("ACCUSE", "disapprove"),
    "reprimand": ("ACCUSE", "disapprove"), "prosecution": ("ACCUSE", "allege"), "inquest": ("ACCUSE", "investigate"),
    "denial": ("REJECT", None), "suspension": ("SANCTION", "discontinue"),
    "reinforcement": ("MOBILIZE", "troops"),
    "seizure": ("COERCE", "seize"), "confiscation": ("COERCE", "seize"), "eviction": ("COERCE", "deport"),
    "repression": ("COERCE", None), "persecution": ("COERCE", None), "harassment": ("COERCE", None),
    "internment": ("COERCE", "arrest"), "imprisonment": ("COERCE", "arrest"), "shutdown": ("COERCE", "restrict"),
    "murder": ("ASSAULT", None), "slaying": ("ASSAULT", None), "shootout": ("ASSAULT", "firearms"),
    "firefight": ("ASSAULT", "firearms"), "skirmish": ("ASSAULT", None), "hostage-taking": ("ASSAULT", "abduct"),
    "arson": ("ASSAULT", "primitive"), "sabotage": ("ASSAULT", "destroy"), "genocide": ("ASSAULT", "massacre"),
})  # fmt: skip

#: Noun triggers that are only events with a participant or article of their own; as bare
#: modifiers ("peace talks", "war crimes") or generic mentions they are not coded.
WEAK_NOUNS: frozenset[str] = frozenset(
    {"war", "violence", "deal", "call", "charge", "sentence", "trial", "hearing", "exercise", "drill", "relief",
     "grant", "loan", "welcome", "praise", "release", "aid", "assistance", "cooperation", "agreement",
     "offer", "promise", "pledge", "restriction", "ban", "demand", "request", "threat", "warning",
     "visit", "meeting", "treaty", "accord", "pact", "consensus", "hostility", "unrest", "uprising"}
)  # fmt: skip
WEAK_NOUNS |= {
    "commitment", "invitation", "tour", "tribute", "denial", "suspension", "reinforcement", "surrender",
    "handover", "hand-over", "evacuation", "prosecution", "persecution", "repression", "harassment",
    "shutdown", "petition", "ratification",
}  # fmt: skip

# -- verbs whose type depends on their object ------------------------------------------------------

#: Restrictions: imposing one is COERCE (or SANCTION), lifting one is CONCEDE.
RESTRICTIONS: dict[str, Entry] = {
    "curfew": ("COERCE", "curfew"), "emergency": ("COERCE", "martial-law"), "martial": ("COERCE", "martial-law"),
    "law": ("COERCE", "martial-law"), "blockade": ("COERCE", "restrict"), "restriction": ("COERCE", "restrict"),
    "ban": ("COERCE", "ban"), "siege": ("COERCE", "restrict"), "blackout": ("COERCE", "censor"),
    "sanction": ("SANCTION", "discontinue"), "embargo": ("SANCTION", "discontinue"),
    "tariff": ("SANCTION", "discontinue"), "barrier": ("SANCTION", "discontinue"),
    "closure": ("COERCE", "restrict"), "checkpoint": ("COERCE", "restrict"), "censorship": ("COERCE", "censor"),
    "control": ("COERCE", "restrict"), "limit": ("COERCE", "restrict"), "quota": ("SANCTION", "discontinue"),
}  # fmt: skip
IMPOSE = frozenset(
    {"impose", "reimpose", "declare", "introduce", "enforce", "extend", "tighten", "order", "set"}
)
LIFT = frozenset({"lift", "ease", "end", "relax", "remove", "shorten", "suspend", "drop", "scrap", "rescind", "revoke", "loosen", "cancel"})  # fmt: skip
#: Relations, exchanges and assistance: reducing them is SANCTION (cancelling meetings is REJECT).
RELATIONS = frozenset(
    {"aid", "assistance", "relation", "tie", "cooperation", "trade", "supply", "funding", "fund", "loan",
     "export", "import", "contact", "link", "investment", "credit", "program", "programme", "operation",
     "shipment", "mission", "presence", "membership"}
)  # fmt: skip
MEETINGS = frozenset({"talk", "talks", "meeting", "visit", "negotiation", "summit", "trip", "conference"})
REDUCE = frozenset({"cut", "halt", "suspend", "freeze", "sever", "break", "reduce", "withdraw", "end", "stop", "terminate", "curtail", "cancel", "downgrade", "prohibit", "close"})  # fmt: skip
HOSTILITIES = frozenset({"attack", "fighting", "hostility", "offensive", "strike", "violence", "protest", "demonstration", "boycott", "bombing", "shelling", "campaign", "fire", "war", "blockade"})  # fmt: skip

#: Light verbs take their event from the eventive noun they govern ("held talks", "staged a protest").
LIGHT = frozenset(
    {"hold", "stage", "launch", "carry", "conduct", "mount", "make", "issue", "take", "reach", "begin",
     "start", "continue", "resume", "organize", "organise", "undertake", "lead", "call", "renew",
     "step", "speed", "intensify", "escalate", "open", "announce", "declare", "have", "pay", "put",
     "initiate", "join", "face", "deliver", "go", "use", "resort", "file", "bring", "level", "lodge",
     "express", "voice", "reiterate", "repeat", "give", "set", "establish", "sign", "extend", "order"}
)  # fmt: skip

# -- phrase patterns: (verb lemma, particle or object lemma) → (type, mode) -----------------------

PHRASES: dict[tuple[str, str], Entry] = {
    ("call", "for"): ("REQUEST", None), ("call", "on"): ("REQUEST", None), ("call", "upon"): ("REQUEST", None),
    ("appeal", "to"): ("REQUEST", None), ("push", "for"): ("REQUEST", None), ("press", "for"): ("REQUEST", None),
    ("ask", "for"): ("REQUEST", None), ("plead", "for"): ("REQUEST", None),
    ("open", "fire"): ("ASSAULT", "firearms"), ("blow", "up"): ("ASSAULT", "explosives"),
    ("set", "fire"): ("ASSAULT", "primitive"), ("set", "ablaze"): ("ASSAULT", "primitive"),
    ("drop", "bomb"): ("ASSAULT", "explosives"), ("drop", "explosive"): ("ASSAULT", "explosives"),
    ("drop", "barrel"): ("ASSAULT", "explosives"), ("drop", "grenade"): ("ASSAULT", "explosives"),
    ("establish", "base"): ("MOBILIZE", "troops"), ("establish", "headquarters"): ("MOBILIZE", "troops"),
    ("establish", "camp"): ("MOBILIZE", "troops"), ("establish", "outpost"): ("MOBILIZE", "troops"),
    ("set", "base"): ("MOBILIZE", "troops"), ("set", "headquarters"): ("MOBILIZE", "troops"),
    ("set", "camp"): ("MOBILIZE", "troops"), ("set", "outpost"): ("MOBILIZE", "troops"),
    ("take", "street"): ("PROTEST", "demo"), ("take", "hostage"): ("ASSAULT", "abduct"),
    ("take", "control"): ("ASSAULT", None), ("seize", "control"): ("ASSAULT", None),
    ("pull", "out"): ("RETREAT", "withdraw"), ("pull", "back"): ("RETREAT", "withdraw"),
    ("step", "down"): ("RETREAT", "resign"), ("hand", "over"): ("RETREAT", None),
    ("turn", "down"): ("REJECT", None), ("crack", "down"): ("COERCE", None),
    ("shut", "down"): ("COERCE", "restrict"), ("cut", "off"): ("COERCE", "withhold"),
    ("round", "up"): ("COERCE", "arrest"), ("lock", "up"): ("COERCE", "arrest"),
    ("break", "off"): ("SANCTION", "discontinue"), ("walk", "out"): ("PROTEST", "strike"),
    ("fire", "shell"): ("ASSAULT", "heavy-weapons"), ("fire", "rocket"): ("ASSAULT", "heavy-weapons"),
    ("fire", "missile"): ("ASSAULT", "heavy-weapons"), ("fire", "mortar"): ("ASSAULT", "heavy-weapons"),
    ("use", "gas"): ("ASSAULT", "crowd-control"), ("throw", "stone"): ("PROTEST", "riot"),
    ("throw", "rock"): ("PROTEST", "riot"), ("block", "road"): ("PROTEST", "obstruct"),
    ("block", "street"): ("PROTEST", "obstruct"), ("block", "highway"): ("PROTEST", "obstruct"),
    ("block", "traffic"): ("PROTEST", "obstruct"), ("block", "access"): ("PROTEST", "obstruct"),
    ("pitch", "tent"): ("PROTEST", "demo"), ("go", "on"): ("PROTEST", "strike"),
    ("open", "border"): ("AID", None), ("close", "border"): ("SANCTION", "discontinue"),
    ("establish", "relation"): ("SUPPORT", None), ("establish", "tie"): ("SUPPORT", None),
    ("restore", "relation"): ("SUPPORT", None), ("restore", "tie"): ("SUPPORT", None),
    ("sign", "agreement"): ("SUPPORT", None), ("sign", "accord"): ("SUPPORT", None),
    ("sign", "treaty"): ("SUPPORT", None), ("sign", "deal"): ("SUPPORT", None), ("sign", "pact"): ("SUPPORT", None),
    ("sign", "charter"): ("SUPPORT", None),
    ("reach", "agreement"): ("AGREE", None), ("reach", "deal"): ("AGREE", None),
    ("reach", "accord"): ("AGREE", None), ("reach", "consensus"): ("AGREE", None),
    ("reach", "understanding"): ("AGREE", None), ("strike", "deal"): ("AGREE", None),
    ("give", "welcome"): ("CONSULT", "visit"), ("pay", "visit"): ("CONSULT", "visit"),
    ("grant", "asylum"): ("AID", None), ("send", "troop"): ("MOBILIZE", "troops"),
    ("send", "force"): ("MOBILIZE", "troops"), ("send", "soldier"): ("MOBILIZE", "troops"),
    ("put", "alert"): ("MOBILIZE", "troops"), ("lay", "siege"): ("ASSAULT", None),
    ("file", "suit"): ("ACCUSE", "allege"), ("file", "lawsuit"): ("ACCUSE", "allege"),
    ("bring", "charge"): ("ACCUSE", "allege"), ("press", "charge"): ("ACCUSE", "allege"),
    ("level", "charge"): ("ACCUSE", "allege"), ("level", "accusation"): ("ACCUSE", "allege"),
    ("lodge", "protest"): ("ACCUSE", "disapprove"), ("lodge", "complaint"): ("ACCUSE", "disapprove"),
    ("summon", "ambassador"): ("ACCUSE", "disapprove"), ("summon", "envoy"): ("ACCUSE", "disapprove"),
    ("expel", "diplomat"): ("SANCTION", "expel"), ("expel", "ambassador"): ("SANCTION", "expel"),
    ("go", "strike"): ("PROTEST", "strike"), ("lay", "down"): ("RETREAT", "disarm"),
    ("give", "up"): ("RETREAT", None), ("back", "down"): ("CONCEDE", None),
    ("meet", "demand"): ("CONCEDE", None), ("force", "out"): ("COERCE", "deport"),
    ("rule", "out"): ("REJECT", None), ("turn", "away"): ("REJECT", None),
    ("raise", "alert"): ("MOBILIZE", "troops"),
    ("pay", "compensation"): ("AID", None), ("pay", "reparation"): ("AID", None),
    ("exchange", "fire"): ("ASSAULT", "firearms"), ("gun", "down"): ("ASSAULT", "firearms"),
    ("exchange", "gunfire"): ("ASSAULT", "firearms"), ("exchange", "shot"): ("ASSAULT", "firearms"),
    ("shoot", "down"): ("ASSAULT", None), ("mow", "down"): ("ASSAULT", "firearms"),
    ("ship", "out"): ("RETREAT", "withdraw"), ("move", "out"): ("RETREAT", "withdraw"),
    ("back", "away"): ("CONCEDE", None), ("give", "in"): ("CONCEDE", None), ("cave", "in"): ("CONCEDE", None),
    ("build", "up"): ("MOBILIZE", "troops"), ("speak", "out"): ("ACCUSE", "disapprove"),
    ("lash", "out"): ("ACCUSE", "disapprove"), ("hit", "out"): ("ACCUSE", "disapprove"),
    ("walk", "away"): ("REJECT", None), ("hold", "out"): ("REJECT", None), ("sit", "down"): ("CONSULT", None),
    ("speak", "with"): ("CONSULT", None), ("talk", "with"): ("CONSULT", None), ("stand", "by"): ("SUPPORT", None),
    ("side", "with"): ("SUPPORT", None), ("bail", "out"): ("AID", None),
    ("agree", "demand"): ("CONCEDE", None), ("accept", "demand"): ("CONCEDE", None),
    ("bow", "demand"): ("CONCEDE", None), ("bow", "pressure"): ("CONCEDE", None),
    ("yield", "demand"): ("CONCEDE", None), ("yield", "pressure"): ("CONCEDE", None),
    ("set", "free"): ("RETREAT", "release"), ("hand", "back"): ("RETREAT", None), ("give", "back"): ("RETREAT", None),
    ("shut", "off"): ("COERCE", "withhold"), ("switch", "off"): ("COERCE", "withhold"),
    ("issue", "warrant"): ("THREATEN", "arrest"),
    ("speak", "phone"): ("CONSULT", "phone"), ("speak", "telephone"): ("CONSULT", "phone"),
    ("talk", "phone"): ("CONSULT", "phone"), ("talk", "telephone"): ("CONSULT", "phone"),
}  # fmt: skip

#: Stances expressed, voiced or conveyed ("expressed concern", "voiced support", "sent condolences").
STANCE_VERBS = frozenset(
    {"express", "voice", "register", "convey", "show", "extend", "offer", "send", "declare"}
)
STANCE_NOUNS: dict[str, Entry] = {
    "concern": ("ACCUSE", "disapprove"), "displeasure": ("ACCUSE", "disapprove"),
    "dismay": ("ACCUSE", "disapprove"), "outrage": ("ACCUSE", "disapprove"),
    "disappointment": ("ACCUSE", "disapprove"), "indignation": ("ACCUSE", "disapprove"),
    "anger": ("ACCUSE", "disapprove"), "alarm": ("ACCUSE", "disapprove"), "disapproval": ("ACCUSE", "disapprove"),
    "support": ("SUPPORT", None), "solidarity": ("SUPPORT", None), "sympathy": ("SUPPORT", None),
    "condolence": ("SUPPORT", None), "gratitude": ("SUPPORT", None), "appreciation": ("SUPPORT", None),
    "congratulation": ("SUPPORT", None), "backing": ("SUPPORT", None),
    "regret": ("CONCEDE", None), "remorse": ("CONCEDE", None),
    "willingness": ("AGREE", None), "readiness": ("AGREE", None), "desire": ("AGREE", None),
    "opposition": ("REJECT", None), "objection": ("ACCUSE", "disapprove"),
}  # fmt: skip
#: Non-military resources: withdrawing them is SANCTION `withdraw` (manual, SANCTION modes), not a
#: military RETREAT.
RESOURCES = frozenset(
    {"ambassador", "envoy", "diplomat", "observer", "monitor", "inspector", "peacekeeper", "aid",
     "assistance", "mission", "embassy", "staff", "personnel", "worker", "volunteer", "delegation",
     "representative", "consul", "mediator", "expert", "investment", "funding", "support"}
)  # fmt: skip
#: Whom allowing in is RETREAT `access` (manual, RETREAT): observers, peacekeepers, aid workers.
ACCESS = frozenset(
    {"observer", "monitor", "inspector", "peacekeeper", "access", "aid", "convoy", "worker", "journalist",
     "investigator", "inspection", "delivery", "entry", "team", "mission", "agency", "relief"}
)  # fmt: skip

#: Moving forces short of using them is MOBILIZE (manual, MOBILIZE): verbs and what they move.
MOVE = frozenset(
    {"move", "send", "dispatch", "station", "rush", "amass", "mass", "position", "redeploy", "deploy",
     "bring", "pour", "put", "place", "mobilize", "mobilise", "activate", "call"}
)  # fmt: skip
FORCES: dict[str, str] = {
    "troop": "troops", "soldier": "troops", "force": "troops", "unit": "troops", "reservist": "troops",
    "battalion": "troops", "brigade": "troops", "division": "troops", "army": "troops", "marine": "troops",
    "paratrooper": "troops", "tank": "weapons", "warship": "weapons", "ship": "weapons", "jet": "weapons",
    "aircraft": "weapons", "missile": "weapons", "carrier": "weapons", "submarine": "weapons",
    "artillery": "weapons", "police": "police", "policeman": "police", "militia": "militia",
    "fighter": "militia",
}  # fmt: skip
#: Verbs that restrict movement: by protesters they are a protest (manual, PROTEST obstruct).
OBSTRUCT = frozenset({"block", "blockade", "barricade", "occupy", "close", "shut", "paralyze", "paralyse"})

#: Verbs that report speech: not events themselves; their complement may be.
REPORTING = frozenset(
    {"say", "tell", "announce", "report", "confirm", "add", "state", "declare", "reiterate", "note",
     "stress", "explain", "write", "tweet", "quote", "acknowledge", "comment", "indicate", "disclose",
     "reveal", "believe", "think", "claim", "assert", "affirm", "emphasize", "emphasise", "argue",
     "predict", "suggest", "mention", "respond", "reply", "repeat", "maintain", "contend", "estimate",
     "issue", "hope", "expect", "feel", "know"}
)  # fmt: skip
#: Verbs that pass the event of their complement on ("decided to impose", "began a hunger strike").
TRANSPARENT = frozenset(
    {"decide", "begin", "start", "continue", "resume", "try", "attempt", "seek", "plan", "prepare",
     "intend", "move", "vote", "launch", "carry", "conduct", "stage", "hold", "organize", "organise",
     "mount", "undertake", "step", "speed", "intensify", "escalate", "want", "wish", "aim", "expect",
     "order", "help", "manage", "fail", "go", "resort", "take", "use", "work", "choose",
     "tend", "come", "keep", "act", "make", "need", "hope"}
)  # fmt: skip
#: Verbs and adjectives of intention: a cooperative complement becomes AGREE, a forceful one THREATEN.
INTENT = frozenset(
    {"plan", "intend", "prepare", "want", "wish", "aim", "willing", "ready", "prepared", "eager",
     "determined", "keen", "set", "poised", "vow", "pledge", "promise", "offer", "agree",
     "propose", "hope", "seek", "expect", "consider", "likely"}
)  # fmt: skip
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "going", "may", "might", "could"})
OBLIGATION = frozenset({"must", "should", "ought"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})

# -- modes from cue words ----------------------------------------------------------------------------

#: ASSAULT weapon cues (lemmas) → mode (manual, ASSAULT modes).
WEAPONS: dict[str, str] = {
    "drone": "drone", "uav": "drone", "unmanned": "drone",
    "explosive": "explosives", "bomb": "explosives", "ied": "explosives", "mine": "explosives",
    "landmine": "explosives", "minefield": "explosives", "grenade": "explosives", "dynamite": "explosives",
    "explosive-laden": "explosives", "explosives-laden": "explosives", "booby": "explosives",
    "suicide": "suicide-attack",
    "aircraft": "aerial", "airstrike": "aerial", "warplane": "aerial", "jet": "aerial", "helicopter": "aerial",
    "plane": "aerial", "gunship": "aerial",
    "artillery": "heavy-weapons", "rocket": "heavy-weapons", "missile": "heavy-weapons",
    "mortar": "heavy-weapons", "tank": "heavy-weapons", "shell": "heavy-weapons", "shelling": "heavy-weapons",
    "howitzer": "heavy-weapons", "cannon": "heavy-weapons",
    "gun": "firearms", "rifle": "firearms", "pistol": "firearms", "gunfire": "firearms", "gunman": "firearms",
    "bullet": "firearms", "sniper": "firearms", "machine-gun": "firearms", "shooting": "firearms",
    "knife": "primitive", "machete": "primitive", "axe": "primitive", "stone": "primitive",
    "rock": "primitive", "arson": "primitive", "sword": "primitive",
    "club": "primitive", "stick": "primitive", "bat": "primitive",
    "tear": "crowd-control", "teargas": "crowd-control",
    "baton": "crowd-control", "chemical": "unconventional", "nuclear": "unconventional",
    "biological": "unconventional", "sarin": "unconventional", "chlorine": "unconventional",
    "assassination": "targeted", "assassinate": "targeted",
}  # fmt: skip
#: PROTEST mode cues.
PROTEST_MODES: dict[str, str] = {
    "hunger": "hunger", "strike": "strike", "walkout": "strike", "boycott": "boycott",
    "riot": "riot", "block": "obstruct", "blockade": "obstruct", "barricade": "obstruct",
    "sit-in": "obstruct", "vandalize": "vandalize", "vandalise": "vandalize",
}  # fmt: skip

# -- contexts from cue words (manual, general contexts) ----------------------------------------------

CONTEXTS: dict[str, str] = {
    "military": "military", "army": "military", "troops": "military", "defence": "military",
    "defense": "military", "intelligence": "intelligence", "spy": "intelligence",
    "election": "election", "vote": "election", "ballot": "election", "poll": "election",
    "campaign": "election", "candidate": "election", "parliament": "legislative",
    "lawmaker": "legislative", "legislature": "legislative", "congress": "legislative",
    "economy": "economic", "economic": "economic", "trade": "economic", "tariff": "economic",
    "export": "economic", "import": "economic", "debt": "economic", "inflation": "economic",
    "court": "legal", "judge": "legal", "lawsuit": "legal", "tribunal": "legal", "trial": "legal",
    "human rights": "human_rights", "freedom": "rights_freedoms", "press": "rights_freedoms",
    "censorship": "rights_freedoms", "repression": "repression", "crackdown": "repression",
    "food": "human_security", "water": "human_security", "housing": "human_security",
    "women": "gender", "abortion": "gender", "religious": "religion_ethnicity", "ethnic": "religion_ethnicity",
    "muslim": "religion_ethnicity", "christian": "religion_ethnicity", "sectarian": "religion_ethnicity",
    "diplomatic": "diplomatic", "embassy": "diplomatic", "ambassador": "diplomatic",
    "territory": "territory", "border": "territory", "annexation": "territory",
    "peacekeeping": "peacekeeping", "peacekeeper": "peacekeeping", "peace-keeping": "peacekeeping",
    "health": "health", "epidemic": "health", "disease": "health", "asylum": "asylum",
    "refugee": "migration", "migrant": "migration", "displaced": "migration",
    "earthquake": "disasters", "flood": "disasters", "hurricane": "disasters", "drought": "disasters",
    "oil": "natural_resource", "mining": "natural_resource",
    "pollution": "environment", "climate": "environment", "technology": "technology",
    "terrorism": "terrorism", "terrorist": "terrorism", "terror": "terrorism",
    "chemical": "cbrn", "nuclear": "cbrn", "cyber": "cyber", "hacker": "cyber", "hacking": "cyber",
    "misinformation": "misinformation", "disinformation": "misinformation", "propaganda": "misinformation",
    "crime": "crime", "criminal": "crime", "corruption": "corruption", "bribery": "corruption",
    "embezzlement": "corruption", "drug": "illegal_drugs", "narcotics": "illegal_drugs",
    "trafficking": "trafficking", "smuggling": "trafficking",
}  # fmt: skip

"""Lexicons shared by quote and attribution extraction: reporting verbs and source kinds.

Plain frozensets and compiled patterns (immutable, so safe to share between threads and
processes). Verbs are lemmas as spaCy's English lemmatizer gives them.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words."""
    return frozenset(text.split())


#: Verbs of saying: they introduce direct and indirect quotes.
SPEECH_VERBS = _words(
    """
    say tell add state write tweet post warn insist claim deny confirm announce report explain
    note argue suggest declare assert maintain contend reply respond answer ask repeat reiterate
    stress emphasize emphasise underline acknowledge admit concede allege charge accuse complain
    predict promise pledge vow threaten urge demand remark comment observe mention point disclose
    reveal recall recount describe quip joke boast brag shout yell scream cry whisper mutter
    testify inform caution advise assure reassure tout concur agree disagree dispute counter
    retort object protest lament decry denounce condemn criticize criticise praise hail welcome
    question wonder speculate estimate forecast calculate conclude indicate signal hint imply
    propose recommend announce proclaim affirm reaffirm clarify elaborate summarize
    telegraph broadcast publish cite quote relay convey notify inform
    """
)

#: Verbs of thinking, knowing and wanting: attributions of beliefs and attitudes (no speech).
COGNITION_VERBS = _words(
    """
    believe think know feel fear hope expect doubt suspect assume suppose reckon consider
    understand realize realise recognize recognise learn find discover see hear notice
    worry want wish intend plan decide determine insist figure guess imagine presume
    show demonstrate seem appear
    """
)

#: Verbs whose object names an accusation or a decision with a clause: "accused X of …".
CLAUSAL_VERBS = SPEECH_VERBS | COGNITION_VERBS

#: Raising verbs: "X seems to …" is the writer's view of X, unless X seems to say or think something.
RAISING_VERBS = _words("seem appear")

#: Verbs whose noun object is the claim ("X reported injuries", "Y denied the allegations").
OBJECT_VERBS = _words("report confirm announce deny reveal disclose say show tweet post")

#: Verbs of stance and evaluation: "X supports Y", "X called Y a threat" (attributions, no quotes).
ATTITUDE_VERBS = _words(
    """
    support oppose endorse back reject praise criticize criticise blame accuse call
    describe urge seek defend dismiss welcome applaud condemn denounce mock hail tout
    cite mention discuss question challenge dispute refute acknowledge propose recommend demand
    promise pledge vow threaten favor favour prefer like dislike love hate fear want expect
    view consider regard label dub brand characterize characterise portray credit thank predict
    assail decry lament bemoan ridicule trash tout highlight stress emphasize emphasise concede
    admit blame fault lambaste chide rebuke scold warn caution commend champion
    advocate request order decide plan intend hope wish vote express share repeat
    decline refuse aim portray identify echo deem promote encourage embrace underscore
    congratulate convince remind envision contradict rebut trumpet cheer approve accept cast
    frame tease vilify disparage belittle insult chastise berate
    offer attack blast slam compare remember name nominate ignore list introduce present
    """
)

#: Stance verbs that are also verbs of force: a cue only with a person or an organisation as subject
#: ("Trump attacked Clinton's record", not "a drone attacked his residence").
HOSTILE_VERBS = _words("attack blast slam")

#: Verb + preposition cues whose object is the content: "called for X", "pointed to Y".
PREP_CUES = {
    "call": frozenset({"for", "on"}),
    "point": frozenset({"to"}),
    "refer": frozenset({"to"}),
    "talk": frozenset({"about"}),
    "speak": frozenset({"about", "of", "out"}),
    "complain": frozenset({"about", "of"}),
    "warn": frozenset({"of", "about", "against"}),
    "argue": frozenset({"for", "against"}),
    "vote": frozenset({"for", "against"}),
    "push": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "campaign": frozenset({"for", "against"}),
    "comment": frozenset({"on", "about"}),
    "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about"}),
    "worry": frozenset({"about"}),
    "insist": frozenset({"on"}),
    "agree": frozenset({"with", "on"}),
    "disagree": frozenset({"with", "on"}),
    "focus": frozenset({"on"}),
    "reflect": frozenset({"on"}),
    "testify": frozenset({"about", "on"}),
    "joke": frozenset({"about"}),
    "tweet": frozenset({"about"}),
    "write": frozenset({"about", "of"}),
    "accuse": frozenset({"of"}),
    "criticize": frozenset({"for"}),
    "blame": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "thank": frozenset({"for"}),
    "apologize": frozenset({"for"}),
    "rail": frozenset({"against"}),
    "lash": frozenset({"out", "at"}),
    "lean": frozenset({"toward", "towards"}),
    "hint": frozenset({"at"}),
    "allude": frozenset({"to"}),
    "object": frozenset({"to"}),
    "respond": frozenset({"to"}),
    "react": frozenset({"to"}),
    "weigh": frozenset({"in"}),
    "ask": frozenset({"about", "for"}),
    "think": frozenset({"about", "of"}),
    "know": frozenset({"about", "of"}),
    "hear": frozenset({"about", "of", "from"}),
    "learn": frozenset({"about", "of"}),
    "care": frozenset({"about"}),
    "dream": frozenset({"of", "about"}),
    "plead": frozenset({"for", "with"}),
    "appeal": frozenset({"for", "to"}),
    "rally": frozenset({"behind", "against", "for"}),
    "stand": frozenset({"by", "behind"}),
    "side": frozenset({"with", "against"}),
    "confess": frozenset({"to"}),
    "admit": frozenset({"to"}),
    "apologise": frozenset({"for"}),
}

#: Manner-of-speaking verbs only count when they govern or abut a quotation.
QUOTE_ONLY_VERBS = _words("smile laugh sigh shrug nod grin snap bark chuckle scoff sneer continue")

#: "reports", "a statement" — nouns that open "X's statement that …" / "in a statement".
#: Nouns of saying and attitude: "Trump's claim that …", "her call for …", "his support for …".
SPEECH_NOUNS = _words(
    """
    statement remark remarks comment comments claim claims assertion view views belief call calls
    criticism promise pledge warning demand demands accusation accusations allegation allegations
    denial vow threat argument insistence contention complaint admission prediction opinion
    """
)

#: Light verbs whose object makes them a cue: "made the case that", "raised questions about".
LIGHT_VERBS = {
    "make": _words(
        "case clear point argument claim promise pledge statement remarks comments appeal plea pitch"
    ),
    "take": _words("credit aim issue shot shots swipe jab stand position view stance"),
    "raise": _words("questions question concerns concern doubts doubt issue alarm possibility prospect"),
    "draw": _words("contrast contrasts comparison comparisons analogy distinction parallel parallels line"),
    "give": _words("speech speeches hint hints warning account assurance assurances answer interview"),
    "cast": _words("doubt blame"),
    "express": _words("support concern concerns doubt doubts hope confidence frustration regret interest"),
    "voice": _words("support concern concerns doubt doubts hope confidence frustration opposition"),
    "issue": _words("statement warning call apology denial"),
    "offer": _words("support praise thoughts condolences apology explanation"),
    "pay": _words("tribute homage"),
    "sound": _words("alarm"),
    "lay": _words("out"),
}

#: Adjectives that, after "be", attribute a belief or stance: "X is confident that …".
ATTITUDE_ADJECTIVES = _words(
    """
    confident sure certain aware convinced worried afraid hopeful optimistic pessimistic skeptical
    sceptical critical supportive opposed eager determined adamant unsure unaware concerned happy
    glad pleased angry upset frustrated disappointed proud willing reluctant ready keen open
    careful quick unwilling firm clear emphatic insistent fearful wary suspicious doubtful
    dismissive enthusiastic excited grateful thankful furious outraged shocked surprised
    """
)

PRONOUNS = _words("i you he she it we they me him her us them this that who which whom one someone somebody")

# -- source kinds ---------------------------------------------------------------------------------

#: News agencies and outlets (lower case). Matched as whole words inside the source mention.
MEDIA_NAMES = frozenset(
    """
    reuters|ap|associated press|afp|agence france-presse|agence france presse|dpa|ansa|efe|upi|
    bloomberg|xinhua|tass|itar-tass|ria novosti|ria|interfax|sputnik|rt|kyodo|yonhap|bernama|
    antara|pti|ians|ani|apa|anadolu|anadolu agency|aa|ina|irna|isna|fars|tasnim|mehr|press tv|
    presstv|sana|wam|spa|qna|kuna|mena|petra|nna|bna|ona|sna|maghreb arabe presse|map|
    al arabiya|al-arabiya|alarabiya|al jazeera|al-jazeera|aljazeera|al mayadeen|al-mayadeen|
    al manar|al-manar|al hadath|al-hadath|asharq al-awsat|asharq al awsat|al-monitor|al monitor|
    rudaw|kurdistan 24|shafaq news|baghdad today|the national|gulf news|khaleej times|arab news|
    haaretz|times of israel|jerusalem post|ynet|kan|channel 12|channel 13|i24news|
    bbc|cnn|nbc|abc|cbs|fox|fox news|msnbc|npr|pbs|cnbc|sky news|itv|channel 4|france 24|
    deutsche welle|dw|euronews|voa|voice of america|radio free europe|rfe/rl|rfi|
    new york times|washington post|wall street journal|financial times|the guardian|guardian|
    the times|the telegraph|telegraph|the independent|daily mail|the economist|economist|
    usa today|los angeles times|la times|chicago tribune|boston globe|politico|axios|
    the hill|huffington post|huffpost|breitbart|buzzfeed|buzzfeed news|vox|slate|the atlantic|
    newsweek|time magazine|the new yorker|vice|vice news|the intercept|propublica|
    le monde|le figaro|der spiegel|spiegel|bild|el pais|el país|corriere della sera|la repubblica|
    south china morning post|global times|china daily|people's daily|cctv|cgtn|nhk|
    the hindu|times of india|hindustan times|ndtv|dawn|geo news|express tribune|
    the moscow times|izvestia|kommersant|novaya gazeta|kyiv independent|ukrainska pravda|unian|
    ukrinform|interfax-ukraine|hurriyet|daily sabah|trt|sabah|cumhuriyet|
    el universal|clarin|folha|globo|o globo|
    sabc|news24|daily nation|the standard|premium times|punch|vanguard|this day|
    """.replace("\n", "").split("|")
) - {""}
MEDIA_NAMES = frozenset(name.strip() for name in MEDIA_NAMES) - {""}

_MEDIA_RE = re.compile(
    r"\b(?:(?i:news\s*agenc(?:y|ies)|news\s*service|wire\s*services?|newspapers?|broadcasters?|tabloids?|"
    r"state(?:-run|-owned)?\s+(?:tv|television|media|radio|news|broadcaster)|"
    r"(?:tv|television|radio)\s+(?:stations?|channels?|networks?)|"
    r"news\s+(?:channels?|networks?|outlets?|sites?|websites?|portals?|reports?)|"
    r"media(?:\s+(?:reports?|outlets?))?|press\s+reports?|local\s+reports?|reports|"
    r"(?:reporters?|correspondents?|journalists?|editors?|columnists?)\b(?!\s+(?:said|told)))|"
    r"[Tt]he\s+(?:Post|Times|Journal|Herald|Tribune|Gazette|Guardian|Telegraph|Independent|Economist)|"
    r"(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*\s+(?:News|Times|Post|Journal|Herald|Tribune|Gazette|"
    r"Chronicle|Telegraph|Observer|Guardian|Independent|Daily|Weekly|Magazine|Monitor|Express|Mirror|"
    r"Standard|Star|Sun|Review|Record|Inquirer|Examiner|Dispatch|Courier|Bulletin|TV|Radio))\b"
)

_ANONYMOUS_RE = re.compile(
    r"\b(?:anonymity|anonymous(?:ly)?|not\s+authori[sz]ed|declined\s+to\s+be\s+(?:named|identified)|"
    r"(?:asked|requested|refused)\s+not\s+to\s+be\s+(?:named|identified)|unnamed|unidentified|"
    r"sources?|insiders?|people\s+(?:familiar|close|briefed|with\s+knowledge)|"
    r"(?:a|one|an)\s+person\s+(?:familiar|close|briefed|with\s+knowledge))\b",
    re.IGNORECASE,
)

_WITNESS_RE = re.compile(
    r"\b(?:(?:eye)?witness(?:es)?|residents?|bystanders?|onlookers?|locals|passers-?by|"
    r"survivors?|villagers?|neighbou?rs?|people\s+at\s+the\s+scene)\b",
    re.IGNORECASE,
)

_OFFICIAL_RE = re.compile(
    r"\b(?:government|govt|administration|authorit(?:y|ies)|ministry|ministries|minister|ministers|"
    r"ministerial|military|army|armed\s+forces|forces|navy|air\s+force|militar(?:y|ies)|police|"
    r"policemen|cops?|officers?|spokes(?:man|woman|men|women|person|people)|officials?|"
    r"presiden(?:t|cy)|premier|prime\s+minister|pm|chancellor|king|emir|sheikh|prince|crown\s+prince|"
    r"governor|mayor|senators?|lawmakers?|congress(?:man|woman)?|parliament(?:arian)?|mps?|"
    r"ambassadors?|envoys?|diplomats?|secretary|secretary-general|commander|general|colonel|"
    r"lieutenant|major|captain|chief|head|director|department|dept|agency|office|bureau|council|"
    r"cabinet|kremlin|white\s+house|pentagon|state\s+department|foreign\s+office|downing\s+street|"
    r"elysee|élysée|ministry\s+of\s+\w+|interior|defen[cs]e|prosecutors?|attorney\s+general|judge|"
    r"court|coalition|command|centcom|nato|united\s+nations|un|european\s+union|eu|embassy|"
    r"consulate|mission|regime|junta|state|senate|house|assembly|legislature|commission)\b",
    re.IGNORECASE,
)

_WORD = re.compile(r"[\w'’.&/-]+")


def source_kind(mention: str) -> str:
    """The kind of a source mention: media | official | witness | anonymous | other."""
    text = " ".join(mention.split())
    if not text:
        return "other"
    media = _is_media_name(text) or bool(_MEDIA_RE.search(text))
    if _ANONYMOUS_RE.search(text) and not media:
        return "anonymous"
    if media:
        return "media"
    if _WITNESS_RE.search(text):
        return "witness"
    if _OFFICIAL_RE.search(text):
        return "official"
    return "other"


_AMBIGUOUS_MEDIA = frozenset(
    {
        "map",
        "spa",
        "kan",
        "punch",
        "vanguard",
        "standard",
        "daily",
        "ria",
        "rt",
        "aa",
        "fox",
        "abc",
        "time",
        "sun",
        "star",
    }
)


def _is_media_name(text: str) -> bool:
    """Whether the mention names a known outlet ("Reuters", "Iraq's state news agency INA").

    The words must be capitalised as a name is ("fox" in running text is no broadcaster).
    """
    words = _WORD.findall(text.replace("’", "'"))
    lowered = [w.lower() for w in words]
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            if not (words[i][:1].isupper() or words[i][:1].isdigit()):
                continue
            key = " ".join(lowered[i : i + size])
            if key in MEDIA_NAMES and (size > 1 or key not in _AMBIGUOUS_MEDIA or words[i].isupper()):
                return True
    return False

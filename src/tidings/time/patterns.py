"""The surface patterns of English time expressions, one compiled regex per kind.

Each pattern is tried with ``match`` at the start of a *trigger* word (see :data:`TRIGGERS`), so
a pattern's first token must be one of the triggers. Modifiers to the left of a match ("early",
"the end of", "nearly", "more than" …) are attached afterwards by :data:`LEFT_MODIFIER`.
All quantifiers are bounded or anchored on literal words, so there is no catastrophic backtracking.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from tidings.time.lexicon import (
    DAYPART,
    MONTH,
    NUMBER,
    ORDINAL,
    SEASON,
    UNIT,
    WEEKDAY,
    words,
)

_S = r"\s{1,3}"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d|\w)"
_YEAR_OR_REL = rf"(?:(?P<y2>{_YEAR})|(?P<yrel>this|last|next|the{_S}same|the{_S}previous|that){_S}year)"
_TZ = r"(?:local\s{1,3}time|(?-i:GMT|UTC|[ECMP][SD]?T)\b)"
_REL_DET = (
    r"(?:last|next|this|that|that\s{1,3}same|this\s{1,3}coming|this\s{1,3}past|the\s{1,3}coming"
    r"|the\s{1,3}very\s{1,3}same|the\s{1,3}next"
    r"|the\s{1,3}following|the\s{1,3}previous|the\s{1,3}preceding|the\s{1,3}prior|the\s{1,3}same"
    r"|the\s{1,3}past|the\s{1,3}last|the\s{1,3}current|the\s{1,3}latest|the\s{1,3}recent|the\s{1,3}present"
    r"|the|coming|past|previous|current|recent)"
)

_TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"

_RAW: tuple[tuple[str, str], ...] = (
    (
        "iso",
        r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?"
        r"(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])",
    ),
    ("numdate", r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])"),
    (
        "mdy",
        rf"(?:(?P<rel>last|next|this{_S}past|this{_S}coming){_S})?(?:(?P<wd>{WEEKDAY}),?{_S})?(?P<mon>{MONTH}){_S}"
        rf"(?:(?P<d>{_DAYNUM})|(?P<dw>{ORDINAL})(?![\w-]))(?:(?:,\s{{0,3}}|{_S})(?P<y>{_YEAR}))?",
    ),
    (
        "dmy",
        rf"(?:(?P<wd>{WEEKDAY}),?{_S})?(?:the{_S})?(?:(?P<d>{_DAYNUM})|(?P<dw>{ORDINAL})){_S}(?:of{_S})?"
        rf"(?P<mon>{MONTH})(?:,?{_S}(?P<y>{_YEAR}))?",
    ),
    (
        "my",
        rf"(?P<mon>{MONTH}),?{_S}(?:of{_S})?(?:(?P<y>{_YEAR})|'(?P<yy>\d\d)(?!\w)"
        rf"|nineteen[\s-]{{1,3}}(?P<tens>{_TENS_WORD})(?:[\s-]{{1,3}}(?P<unit>{_UNIT_WORD}))?(?![\w-]))",
    ),
    (
        "month",
        rf"(?:(?P<rel>last|next|this|that|this{_S}past|this{_S}coming){_S})?(?P<mon>{MONTH})"
        rf"(?:{_S}(?:of{_S})?(?P<yrel>this|last|next){_S}year)?",
    ),
    (
        "weekday",
        rf"(?:(?P<rel>{_REL_DET}){_S})?(?P<wd>{WEEKDAY})(?P<plural>s\b)?(?:{_S}(?P<part>{DAYPART})(?P<parts>s)?(?!\w))?",
    ),
    (
        "dayrel",
        r"(?P<w>yesterday|today|tomorrow|tonight|the\s{1,3}day\s{1,3}before\s{1,3}yesterday"
        rf"|the\s{{1,3}}day\s{{1,3}}after\s{{1,3}}tomorrow)(?!'s\s{{1,3}}(?:world|society))"
        rf"(?:{_S}(?P<part>{DAYPART})(?!\w))?",
    ),
    (
        "partday",
        rf"(?P<mid>mid[\s-]?)?(?P<part>morning|afternoon|evening|night)(?!\w|-)"
        rf"(?:{_S}(?:on{_S})?(?P<w>yesterday|today|tomorrow|{WEEKDAY}))?",
    ),
    ("partrel", rf"(?P<rel>this|last|tomorrow|yesterday|that|the{_S}same){_S}(?P<part>{DAYPART})(?!\w)"),
    (
        "time",
        r"(?:(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s{0,2}(?P<ap>[ap]\.\s?m\.?|[ap]m\b)"
        r"|(?P<h2>[0-2]?\d):(?P<mi2>[0-5]\d)(?![\d:])(?:\s{0,2}(?P<ap2>[ap]\.\s?m\.?|[ap]m\b))?"
        r"|(?P<nm>noon|midnight|midday)"
        r"|(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[01]?\d)\s{1,3}o'clock"
        r"|(?P<h4>[01]?\d)\s{1,3}in\s{1,3}the\s{1,3}(?P<part4>morning|afternoon|evening)"
        r"|(?P<h5>[01]\d|2[0-3])(?P<mi5>[0-5]\d)(?=\s{1,3}(?-i:GMT|UTC)\b))"
        rf"(?:{_S}(?P<tz>{_TZ}))?"
        rf"(?:,?{_S}(?:on{_S})?(?:(?P<day>{WEEKDAY}|yesterday|today|tomorrow|tonight)"
        rf"|(?P<mon>{MONTH}){_S}(?P<md>{_DAYNUM})(?:,?{_S}(?P<my>{_YEAR}))?))?",
    ),
    (
        "spelledyear",
        r"(?:the\s{1,3}year\s{1,3})?(?:nineteen[\s-]{1,3}(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty"
        r"|ninety)(?:[\s-]{1,3}(?P<unit>one|two|three|four|five|six|seven|eight|nine))?"
        r"|two\s{1,3}thousand(?:(?:\s{1,3}and)?\s{1,3}(?P<unit2>one|two|three|four|five|six|seven|eight|nine"
        r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)(?![\w-])",
    ),
    ("year", rf"(?:(?P<pre>fiscal(?:{_S}year)?|FY|calendar(?:{_S}year)?|the{_S}year){_S})?(?P<y>{_YEAR})"),
    (
        "fiscalyear",
        r"(?:(?P<rel>the\s{1,3}current|the\s{1,3}previous|the\s{1,3}prior|the\s{1,3}next|the\s{1,3}coming"
        r"|the\s{1,3}same|the\s{1,3}past|the\s{1,3}last|the|this|last|next|that|current|previous|prior)\s{1,3})"
        rf"(?:(?P<y>{_YEAR})\s{{1,3}})?fiscal\s{{1,3}}year(?![\w-])(?:\s{{1,3}}(?P<y2>{_YEAR}))?",
    ),
    ("fullyear", r"the\s{1,3}(?:full|entire|whole)\s{1,3}(?:(?:fiscal|calendar)\s{1,3})?year(?![\w-])"),
    ("fyshort", r"(?:fiscal|FY)\s{0,3}'?(?P<yy>\d\d)(?!\w)"),
    ("yshort", r"['’](?P<yy>\d\d)(?![\w'’])"),
    (
        "decade",
        r"(?:the\s{1,3})?(?:(?P<dd>(?:1\d|20)\d0)['’]?s|['’](?P<d2>\d0)['’]?s"
        r"|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)"
        r"|the\s{1,3}(?P<d3>[2-9]0)s(?!\w)",
    ),
    (
        "century",
        rf"(?:the{_S})?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL}|twenty-first|twenty\s{{1,3}}first)"
        rf"[\s-]{{1,3}}century(?!\w)",
    ),
    (
        "season",
        rf"(?:(?P<rel>last|next|this|that|the|this{_S}past|this{_S}coming|the{_S}coming|the{_S}past){_S})?"
        rf"(?P<s>{SEASON})(?:(?:{_S}of{_S}|,?{_S})(?P<y>{_YEAR})"
        rf"|{_S}of{_S}nineteen[\s-]{{1,3}}(?P<tens>{_TENS_WORD})(?:[\s-]{{1,3}}(?P<unit>{_UNIT_WORD}))?)?(?!\w)",
    ),
    (
        "quarter",
        rf"(?:the{_S})?(?:(?P<yr>{_YEAR})(?:'s)?{_S}|(?P<yrel0>this|last|next){_S}year['’]s{_S})?"
        rf"(?:(?P<ya>year-earlier|year-ago|year-before|comparable(?:{_S}year-(?:earlier|ago))?){_S})?"
        rf"(?:(?P<fisc>fiscal|calendar){_S})?"
        r"(?:(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|prior"
        r"|same|recent|past|next|coming|year-earlier|year-ago|this|that|fiscal)[\s-]{1,3}"
        r"(?:(?:fiscal|calendar)[\s-]{1,3})?)?(?P<word>quarter|period)(?!s|\w|-to-)"
        rf"(?:{_S}(?:of{_S})?(?:(?P<y2>{_YEAR})|(?P<yrel>this|last|next){_S}year|fiscal{_S}(?P<y3>{_YEAR})"
        rf"|the{_S}(?P<ythe>year|fiscal{_S}year)|(?P<ago>a{_S}year{_S}(?:ago|earlier))(?!\w)))?",
    ),
    ("qcode", r"(?-i:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s{0,3}(?P<y>(?:19|20)\d\d|'\d\d))?(?!\w)"),
    (
        "half",
        r"(?:the\s{1,3})?(?P<h>first|second|1st|2nd|latter|final|last)[\s-]{1,3}half(?!\w)"
        rf"(?:{_S}(?:of{_S})?(?:(?P<y>{_YEAR})|(?P<yrel>this|last|next){_S}year|the{_S}year))?",
    ),
    (
        "yearend",
        r"(?:the{_S})?year(?:[\s-]{1,3}|['’]s\s{1,3})end(?!\w)|(?:the{_S})?year[\s-](?:earlier|ago)(?!\w)",
    ),
    (
        "relunit",
        rf"(?P<rel>{_REL_DET}){_S}(?P<u>day|week|weekend|month|year|decade|century|fortnight|{DAYPART})"
        rf"(?!\w|-)(?:{_S}(?P<yrel>before|after|earlier|later|previous|prior|following))?",
    ),
    (
        "dur",
        r"(?:the\s{1,3}(?P<rel>past|last|next|coming|previous|preceding|following|first|final|latest"
        r"|remaining|ensuing|same|entire|whole|full|initial|recent|intervening)\s{1,3})?"
        rf"(?P<n>{NUMBER})[\s-]{{1,3}}(?:(?P<more>more|additional|full|straight|consecutive|extra|further"
        rf"|successive|trading|business|working|calendar|school){_S})?(?P<u>{UNIT})"
        r"(?P<half>\s{1,3}and\s{1,3}a\s{1,3}half(?!\w))?(?P<long>[\s-]{1,3}(?:long|old)(?!\w))?"
        rf"(?P<orso>{_S}or{_S}so(?!\w))?"
        rf"(?:{_S}(?P<dir>ago|earlier|later|before|after|from{_S}now|hence|previously|back|prior|on"
        r"|ahead|since|into|beforehand|afterwards?)(?!\w))?",
    ),
    (
        "bare",
        rf"(?:(?P<rel>recent|coming|past|previous|the{_S}coming|the{_S}past|the{_S}recent|"
        rf"the{_S}next|the{_S}last|the{_S}first|the{_S}early|the{_S}final|the){_S})?"
        r"(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?P<long>-long)?(?!\w)"
        rf"(?:{_S}(?P<dir>ago|earlier|later|ahead|before|after|since|on|back)(?!\w))?",
    ),
    ("unitlong", r"(?P<u>hour|day|night|week|month|year|decade)-long(?!\w|-)"),
    (
        "ref",
        r"(?P<w>at\s{1,3}the\s{1,3}time(?!\s{1,3}(?:of|being)\b)|now|currently|nowadays|presently|at\s{1,3}present|at\s{1,3}the\s{1,3}moment|right\s{1,3}now"
        r"|these\s{1,3}days|those\s{1,3}days|current|the\s{1,3}present(?:\s{1,3}day)?|present-day"
        r"|recently|lately|previously|formerly|the\s{1,3}(?:recent\s{1,3}|distant\s{1,3})?past|recent"
        r"|the\s{1,3}(?:near\s{1,3}|distant\s{1,3}|foreseeable\s{1,3}|immediate\s{1,3})?future|future"
        r"|soon|someday|shortly|once|earlier|later|at\s{1,3}the\s{1,3}same\s{1,3}time|meanwhile"
        r"|a\s{1,3}later\s{1,3}date|in\s{1,3}the\s{1,3}meantime|the\s{1,3}moment"
        r"|the\s{1,3}(?:short|near|long)\s{1,3}(?:term|run))(?!\w|-)",
    ),
    (
        "set",
        rf"(?:(?P<ev>every|each|per){_S}(?:other{_S})?(?:(?P<n>{NUMBER}){_S})?"
        rf"(?P<u>{UNIT}|{WEEKDAY}|{DAYPART}|{SEASON}|{MONTH})"
        r"|(?P<adv>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|bi-?weekly|bi-?monthly"
        r"|semi-?annually|fortnightly)"
        r"|(?P<f>once|twice|thrice|(?:\w{1,12}|\d{1,3})\s{1,3}times)\s{1,3}(?:a|an|per|every|each)\s{1,3}"
        rf"(?P<u2>{UNIT}))(?!\w)",
    ),
    (
        "holiday",
        r"(?:(?P<rel>last|next|this|the\s{1,3}last|the\s{1,3}next)\s{1,3})?(?P<h>(?-i:Christmas(?:\s{1,3}(?:Day|Eve))?"
        r"|New\s{1,3}Year['’]s(?:\s{1,3}(?:Day|Eve))?|Thanksgiving(?:\s{1,3}Day)?|Independence\s{1,3}Day"
        r"|Halloween|Valentine['’]s\s{1,3}Day|Veterans\s{1,3}Day|Memorial\s{1,3}Day|Labor\s{1,3}Day|Election\s{1,3}Day"
        r"|Easter(?:\s{1,3}Sunday)?|Good\s{1,3}Friday|Boxing\s{1,3}Day))(?:,?\s{1,3}(?P<y>(?:1[5-9]|20)\d\d))?(?!\w)",
    ),
    # the second day of "April 24 and 25": only right after a month and day (see calendar_rules.conjday)
    (
        "conjday",
        r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?=\s{0,3}(?:[.,;:)!?]|$)|\s{1,3}(?:in|at|on|for|when|to|from)\b)",
    ),
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(source, re.IGNORECASE)) for kind, source in _RAW
)

_ORDER = {kind: index for index, (kind, _) in enumerate(_RAW)}


def _route(spec: dict[str, str]) -> Mapping[str, tuple[int, ...]]:
    """``{"words …": "kinds …"}`` → word → indexes into :data:`PATTERNS` (in pattern order)."""
    table: dict[str, set[int]] = {}
    for word_list, kinds in spec.items():
        for word in word_list.split():
            table.setdefault(word, set()).update(_ORDER[k] for k in kinds.split())
    return MappingProxyType({w: tuple(sorted(ix)) for w, ix in table.items()})


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
)
_RELATIVE = "last next this that coming past previous current recent"
#: Which patterns may start at a word (lower case): the first token of each pattern is one of these.
ROUTES: Mapping[str, tuple[int, ...]] = _route(
    {
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sept sep oct nov dec": "mdy my month",
        "monday tuesday wednesday thursday friday saturday sunday tues wed thurs fri "
        "mondays tuesdays wednesdays thursdays fridays saturdays sundays": "weekday mdy dmy",
        "the": "dmy decade century season quarter half yearend relunit dur bare ref weekday partrel "
        "fiscalyear fullyear spelledyear "
        "dayrel holiday",
        "a an": "dur ref",
        _NUMBER_WORDS + "half dozen couple few several some many numerous": "dur time set spelledyear",
        "first second third fourth final latest twenty-first": "quarter half dmy century",
        _RELATIVE + " prior": "mdy month weekday partrel season quarter relunit bare ref holiday fiscalyear",
        "yesterday today tomorrow tonight": "dayrel partrel",
        "fiscal fy calendar": "year fyshort quarter",
        "q": "qcode",
        "spring summer fall autumn winter": "season",
        "year": "yearend",
        "every each per daily weekly monthly annually yearly quarterly hourly nightly biweekly bi "
        "semiannually semi fortnightly once twice thrice": "set",
        "christmas new thanksgiving independence halloween valentine veterans memorial labor easter "
        "good boxing election": "holiday",
        "now currently nowadays presently at right these those recently lately previously formerly future "
        "soon someday shortly earlier later meanwhile": "ref",
        "noon midnight midday": "time",
        "mid morning afternoon evening night": "partday",
        "seconds minutes hours days weeks months years decades centuries": "bare",
        "hour day night week month year decade": "unitlong",
        "twenties thirties forties fifties sixties seventies eighties nineties": "decade",
    }
)
#: Patterns that may start at a digit or an apostrophe before digits.
DIGIT_ROUTE: tuple[int, ...] = tuple(
    sorted(
        _ORDER[k]
        for k in words("iso numdate dmy time year decade century quarter qcode half dur set conjday")
    )
)
APOSTROPHE_ROUTE: tuple[int, ...] = (_ORDER["fyshort"], _ORDER["yshort"], _ORDER["decade"])
TRIGGERS_UPPER_ONLY = frozenset({"q"})

#: Frequent trigger words that start a time expression only when the next word is one of
#: :data:`SECOND_WORDS` (or a number): "the", "that", "a" … would otherwise cost a try each.
GATED = frozenset({"the", "that", "this", "last", "next", "a", "an"})
SECOND_WORDS = words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sept sep oct nov dec monday tuesday wednesday thursday friday
    saturday sunday tues wed thurs fri morning afternoon evening night overnight spring summer
    fall autumn winter second seconds sec secs minute minutes min mins hour hours hr hrs day days
    night nights week weeks fortnight fortnights month months quarter quarters year years yr yrs
    decade decades century centuries millennium millennia weekend weekends first 1st 2nd 3rd 4th
    third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
    fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth one two three four
    five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
    dozen couple few half single several some many numerous fiscal calendar period comparable
    future past present moment near distant foreseeable immediate recent coming following
    previous preceding prior same current latest next last entire whole full initial remaining
    ensuing intervening early final latter later twenties thirties forties fifties sixties
    seventies eighties nineties christmas new thanksgiving independence halloween valentine
    veterans memorial labor easter good boxing this additional extra further straight consecutive
    successive fiscal short long
    """
)

#: Modifier words left of a core match, matched against the text just before it.
LEFT_MODIFIER = re.compile(
    r"(?:^|(?<=[^\w]))(?P<m>(?:the\s{1,3})?(?:very\s{1,3})?(?:early|late)(?:\s{1,3}on)?"
    r"|(?:the\s{1,3})?(?:very\s{1,3})?(?:earlier|later)(?:\s{1,3}(?:on|in))?"
    r"|(?:the\s{1,3})?mid|(?:in\s{1,3})?the\s{1,3}middle\s{1,3}of|middle\s{1,3}of"
    r"|(?:the\s{1,3})?(?:very\s{1,3})?(?:end|beginning|start|close|turn|dawn|latter\s{1,3}part"
    r"|early\s{1,3}part|first\s{1,3}part)\s{1,3}of"
    r"|about|around|approximately|roughly|some|nearly|almost|just\s{1,3}over|just\s{1,3}under"
    r"|more\s{1,3}than|less\s{1,3}than|fewer\s{1,3}than|at\s{1,3}least|at\s{1,3}most|no\s{1,3}more\s{1,3}than"
    r"|no\s{1,3}less\s{1,3}than|up\s{1,3}to|over|under|well\s{1,3}over|only|just|barely|exactly)"
    r"(?:\s{1,3}|-)$",
    re.IGNORECASE,
)

MODIFIER_MOD: Mapping[str, str | None] = MappingProxyType(
    {
        "early": "START",
        "beginning": "START",
        "start": "START",
        "dawn": "START",
        "earlier": None,
        "later": None,
        "late": "END",
        "end": "END",
        "close": "END",
        "turn": None,
        "mid": "MID",
        "middle": "MID",
        "about": "APPROX",
        "around": "APPROX",
        "approximately": "APPROX",
        "roughly": "APPROX",
        "some": "APPROX",
        "nearly": "LESS_THAN",
        "almost": "LESS_THAN",
        "barely": "LESS_THAN",
        "just over": "MORE_THAN",
        "just under": "LESS_THAN",
        "well over": "MORE_THAN",
        "more than": "MORE_THAN",
        "less than": "LESS_THAN",
        "fewer than": "LESS_THAN",
        "at least": "EQUAL_OR_MORE",
        "at most": "EQUAL_OR_LESS",
        "no more than": "EQUAL_OR_LESS",
        "no less than": "EQUAL_OR_MORE",
        "up to": "EQUAL_OR_LESS",
        "over": "MORE_THAN",
        "under": "LESS_THAN",
        "exactly": "EQUAL",
        "only": None,
        "just": None,
        "first part": "START",
        "early part": "START",
        "latter part": "END",
    }
)

#: Modifiers that only make sense in front of a quantity (a duration or "N units ago").
QUANTITY_MODIFIERS = frozenset(
    {
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
        "barely",
        "just over",
        "just under",
        "well over",
        "more than",
        "less than",
        "fewer than",
        "at least",
        "at most",
        "no more than",
        "no less than",
        "up to",
        "over",
        "under",
        "exactly",
        "only",
        "just",
    }
)

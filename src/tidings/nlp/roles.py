"""Lexicons of titles, group nouns and outlets: who an actor is and which sector it belongs to.

Sectors: GOV government, MIL military, POL police, REB rebels/militias, PTY parties, MED media,
IGO intergovernmental, NGO non-governmental, CVL civilians, UNK unidentified.
"""

from __future__ import annotations

import re

# Titles of people: the phrase as written (lower case) → (role, sector). Longest match wins.
TITLES: dict[str, tuple[str, str | None]] = {
    "prime minister": ("prime minister", "GOV"),
    "deputy prime minister": ("deputy prime minister", "GOV"),
    "pm": ("prime minister", "GOV"),
    "premier": ("prime minister", "GOV"),
    "president": ("president", "GOV"),
    "vice president": ("vice president", "GOV"),
    "foreign minister": ("foreign minister", "GOV"),
    "defence minister": ("defence minister", "GOV"),
    "defense minister": ("defence minister", "GOV"),
    "interior minister": ("interior minister", "GOV"),
    "finance minister": ("finance minister", "GOV"),
    "minister": ("minister", "GOV"),
    "secretary of state": ("secretary of state", "GOV"),
    "secretary": ("secretary", "GOV"),
    "spokesperson": ("spokesperson", None),
    "spokesman": ("spokesperson", None),
    "spokeswoman": ("spokesperson", None),
    "ambassador": ("ambassador", "GOV"),
    "envoy": ("envoy", "GOV"),
    "special representative": ("special representative", None),
    "governor": ("governor", "GOV"),
    "mayor": ("mayor", "GOV"),
    "king": ("king", "GOV"),
    "queen": ("queen", "GOV"),
    "emir": ("emir", "GOV"),
    "crown prince": ("crown prince", "GOV"),
    "sultan": ("sultan", "GOV"),
    "chancellor": ("chancellor", "GOV"),
    "senator": ("senator", "GOV"),
    "sen.": ("senator", "GOV"),
    "lawmaker": ("lawmaker", "GOV"),
    "legislator": ("lawmaker", "GOV"),
    "mp": ("lawmaker", "GOV"),
    "speaker": ("speaker", "GOV"),
    "official": ("official", "GOV"),
    "diplomat": ("diplomat", "GOV"),
    "adviser": ("adviser", "GOV"),
    "advisor": ("adviser", "GOV"),
    "national security adviser": ("national security adviser", "GOV"),
    "judge": ("judge", "GOV"),
    "prosecutor": ("prosecutor", "GOV"),
    "general": ("general", "MIL"),
    "gen.": ("general", "MIL"),
    "major general": ("general", "MIL"),
    "lieutenant general": ("general", "MIL"),
    "brigadier general": ("general", "MIL"),
    "commander": ("commander", "MIL"),
    "colonel": ("colonel", "MIL"),
    "col.": ("colonel", "MIL"),
    "admiral": ("admiral", "MIL"),
    "police chief": ("police chief", "POL"),
    "chief of police": ("police chief", "POL"),
    "secretary-general": ("secretary-general", "IGO"),
    "secretary general": ("secretary-general", "IGO"),
    "leader": ("leader", None),
    "chairman": ("chairman", None),
    "head": ("head", None),
    "chief": ("chief", None),
    "cleric": ("cleric", None),
    "journalist": ("journalist", "MED"),
    "reporter": ("journalist", "MED"),
    "correspondent": ("journalist", "MED"),
    "editor": ("editor", "MED"),
    "activist": ("activist", "CVL"),
    "witness": ("witness", "CVL"),
    "resident": ("resident", "CVL"),
}

# Nouns naming a collective actor (head of a noun phrase) → sector.
GROUPS: dict[str, str] = {
    "military": "MIL",
    "army": "MIL",
    "armed forces": "MIL",
    "security forces": "MIL",
    "forces": "MIL",
    "troops": "MIL",
    "soldiers": "MIL",
    "air force": "MIL",
    "navy": "MIL",
    "defence ministry": "MIL",
    "defense ministry": "MIL",
    "counter-terrorism service": "MIL",
    "police": "POL",
    "policemen": "POL",
    "police officers": "POL",
    "riot police": "POL",
    "government": "GOV",
    "cabinet": "GOV",
    "administration": "GOV",
    "parliament": "GOV",
    "authorities": "GOV",
    "officials": "GOV",
    "ministry": "GOV",
    "foreign ministry": "GOV",
    "interior ministry": "GOV",
    "state department": "GOV",
    "presidency": "GOV",
    "electoral commission": "GOV",
    "election commission": "GOV",
    "court": "GOV",
    "supreme court": "GOV",
    "judiciary": "GOV",
    "prime minister's office": "GOV",
    "militia": "REB",
    "militias": "REB",
    "rebels": "REB",
    "insurgents": "REB",
    "fighters": "REB",
    "militants": "REB",
    "gunmen": "REB",
    "jihadists": "REB",
    "armed group": "REB",
    "armed groups": "REB",
    "armed factions": "REB",
    "factions": "REB",
    "paramilitaries": "REB",
    "guerrillas": "REB",
    "combatants": "REB",
    "separatists": "REB",
    "bandits": "REB",
    "cartel": "REB",
    "cartels": "REB",
    "gang": "REB",
    "gangs": "REB",
    "gang members": "REB",
    "party": "PTY",
    "parties": "PTY",
    "bloc": "PTY",
    "opposition": "PTY",
    "movement": "PTY",
    "protesters": "CVL",
    "protestors": "CVL",
    "demonstrators": "CVL",
    "civilians": "CVL",
    "residents": "CVL",
    "supporters": "CVL",
    "voters": "CVL",
    "villagers": "CVL",
    "students": "CVL",
    "witnesses": "CVL",
    "crowd": "CVL",
    "mourners": "CVL",
    "journalists": "MED",
    "reporters": "MED",
    "media": "MED",
    "assailants": "UNK",
    "attackers": "UNK",
    "perpetrators": "UNK",
    "terrorist group": "UNK",
    "terrorists": "UNK",
    "kidnappers": "UNK",
}

# Names that identify intergovernmental and non-governmental organisations.
IGO_NAMES = re.compile(
    r"\b(?:UN|U\.N\.|United Nations|Security Council|UNAMI|UNHCR|UNICEF|WHO|NATO|EU|European Union|"
    r"Arab League|African Union|IMF|World Bank|OPEC|ASEAN|OSCE|IAEA|ICC|Interpol|Gulf Cooperation Council)\b"
)
NGO_NAMES = re.compile(
    r"\b(?:Amnesty International|Human Rights Watch|Red Cross|Red Crescent|ICRC|Doctors Without Borders|"
    r"MSF|Oxfam|Save the Children|Reporters Without Borders|Committee to Protect Journalists|NGO)\b"
)
# News agencies and outlets (matched in the text, since NER misses several of them).
OUTLETS = re.compile(
    r"\b(?:Reuters|Associated Press|AP|AFP|Agence France-Presse|Al Arabiya|Al-Arabiya|Al Jazeera|"
    r"Al-Jazeera|BBC|CNN|Sky News|Fox News|Bloomberg|Xinhua|TASS|RIA Novosti|Interfax|IRNA|ISNA|"
    r"Tasnim|Fars|Mehr|SANA|INA|Anadolu|Kurdistan 24|Rudaw|Al Sumaria|Al-Sumaria|Asharq Al-Awsat|"
    r"Al-Monitor|The New York Times|New York Times|The Washington Post|Washington Post|"
    r"The Guardian|The Wall Street Journal|Wall Street Journal|Financial Times|The Economist|"
    r"NPR|PBS|ABC News|CBS News|NBC News|Deutsche Welle|DW|France 24|Euronews|Yonhap|Kyodo|"
    r"Press TV|Al Mayadeen|Al-Manar|Al Manar|Dawn|The Hindu|Times of India|Haaretz|Jerusalem Post|"
    r"Times of Israel|Ynet|Arab News|The National|Gulf News|Middle East Eye)\b"
)
MEDIA_NAME_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Herald|Gazette|Tribune|Telegraph|Agency|Press|TV|Television|"
    r"Radio|Broadcasting|Daily|Wire|Monitor|Dispatch|Bulletin|Courier|Ledger)\b"
)
# Platforms are where people speak, not actors.
PLATFORMS = frozenset({"twitter", "facebook", "telegram", "youtube", "whatsapp", "instagram", "tiktok", "x"})
#: Non-state armed groups of current conflicts, by name or acronym (world knowledge, like the outlet
#: list): checked before the military words, since several call themselves armies or forces.
ARMED_GROUP_NAMES = re.compile(
    r"\b(?:(?:\w+ )?Liberation (?:Army|Front|Forces?)|Independence Army|Resistance (?:Army|Front)|"
    r"Rapid Support Forces?|RSF|Allied Democratic Forces|ADF|M23|Mouvement du 23|JNIM|ISWAP|ISSP|"
    r"IS Sahel|Islamic State \w+ Province|ELN|FARC|EMC|TNLA|MNDAA|KIA|KNLA|KNU|PDF|People's Defen[cs]e"
    r" Forces?|Arakan Army|Ta'ang|Fano|OLA|PKK|YPG|SDF|HTS|Hayat Tahrir al-Sham|AQAP|AQIM|TTP|"
    r"Tehreek-e-Taliban|Lashkar|Jaish|Ansar \w+|Ansaru|Mai[- ]Mai|CODECO|Wazalendo|Anti-Balaka|"
    r"Seleka|Janjaweed|NSCN|ULFA|Maoists?|Naxal\w*|New People's Army|NPA|Abu Sayyaf|BIFF|"
    r"Dawlah Islamiyah|Lakurawa|Ambazonian?|al-Shabaab|Shabaab|Cartel|CJNG|MS-13|Barrio 18|"
    r"Tren de Aragua)\b"
)
ORG_SECTOR_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (ARMED_GROUP_NAMES, "REB"),
    (re.compile(r"\b(?:Army|Military|Armed Forces|Air Force|Navy|Defen[cs]e|Brigade|Division|"
                r"Command)\b"), "MIL"),
    (re.compile(r"\b(?:Police|Gendarmerie)\b"), "POL"),
    (re.compile(r"\b(?:Party|Movement|Alliance|Bloc|Coalition|Front|Congress)\b"), "PTY"),
    (re.compile(r"\b(?:Hezbollah|Hizbollah|Kataib|Asaib|Brigades|Mobili[sz]ation|Islamic State|ISIS|"
                r"ISIL|Daesh|Taliban|al-Qaeda|al Qaeda|Al-Shabaab|Houthis?|Hamas|Boko Haram|militia)\b",
                re.I), "REB"),
    (re.compile(r"\b(?:Ministry|Department|Government|Council of Ministers|Parliament|Commission|Court|"
                r"Presidency|Cabinet|Office|Senate|Congress|White House|Kremlin|Pentagon)\b"), "GOV"),
)  # fmt: skip


def org_sector(name: str) -> str | None:
    """Sector implied by an organisation's name, or ``None``."""
    if OUTLETS.fullmatch(name) or (MEDIA_NAME_WORDS.search(name) and not IGO_NAMES.search(name)):
        return "MED"
    if IGO_NAMES.search(name):
        return "IGO"
    if NGO_NAMES.search(name):
        return "NGO"
    for pattern, sector in ORG_SECTOR_WORDS:
        if pattern.search(name):
            return sector
    return None

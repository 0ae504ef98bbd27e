"""Resolve one pattern match into a TIMEX3 type, value, precision and mod.

One handler per pattern kind (see :mod:`tidings.time.patterns`); a handler returns ``None`` to
reject a match (e.g. "May" the modal verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from tidings.time import calendar_rules as cal
from tidings.time import duration_rules as dur
from tidings.time import ref_rules as refs
from tidings.time import relative_rules as rel
from tidings.time.context import Context, Result

Handler = Callable[[re.Match[str], Context], Result | None]

HANDLERS: Mapping[str, Handler] = MappingProxyType(
    {
        "iso": cal.iso,
        "numdate": cal.numdate,
        "mdy": cal.dated,
        "conjday": cal.conjday,
        "dmy": cal.dated,
        "my": cal.month_year,
        "month": cal.month,
        "weekday": rel.weekday,
        "dayrel": rel.dayrel,
        "partrel": rel.partrel,
        "partday": rel.partday,
        "time": rel.time_rule,
        "year": cal.year,
        "fiscalyear": cal.fiscal_year,
        "fullyear": cal.full_year,
        "fyshort": cal.fyshort,
        "spelledyear": cal.spelledyear,
        "yshort": cal.yshort,
        "decade": cal.decade,
        "century": cal.century,
        "season": cal.season,
        "quarter": cal.quarter,
        "qcode": cal.qcode,
        "half": cal.half,
        "yearend": cal.yearend,
        "relunit": rel.relunit,
        "dur": dur.dur,
        "bare": dur.bare,
        "unitlong": dur.unitlong,
        "ref": refs.ref,
        "set": refs.set_rule,
        "holiday": cal.holiday_rule,
    }
)

__all__ = ["HANDLERS", "Context", "Result"]

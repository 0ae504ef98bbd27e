"""Events: clause-level detection from the parse, PLOVER coding, ACLED projection and attributes.

``find_events`` (in :mod:`tidings.events.detect`) is the stage ``analyze`` runs; the attribute
rules (status, auxiliary mode, certainty, size, claims, date) live in
:mod:`tidings.events.attributes` behind :func:`describe`; the shared records are in
:mod:`tidings.events.model`.
"""

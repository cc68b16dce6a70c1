"""ACLED's taxonomy: its event types and the sub-event types of each, as the ACLED codebook names them.

The extractor types every incident with one of these pairs (``events.yaml`` is
checked against them on load); analysts may set any of them (the web app's
corrections).  Pure data: importing it costs nothing.
"""

from __future__ import annotations

#: Every type in ``events.yaml`` is one of these; webapp/i18n.py labels each in Arabic.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


def is_sub_event_of(event_type: str, sub_event_type: str) -> bool:
    """True when ``sub_event_type`` is one of ``event_type``'s in the taxonomy."""
    return sub_event_type in ACLED_TYPES.get(event_type, ())

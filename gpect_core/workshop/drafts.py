"""The top items of a vote turned into draft actions of the plan (status « à lancer »), in one step, once."""

from __future__ import annotations

import pandas as pd

from .errors import WorkshopError
from .store import Vote, WorkshopStore

# The axis the drafts go to when the plan has none (only administrators create axes on the plan page).
WORKSHOP_AXIS = "ATELIER"
WORKSHOP_AXIS_LABEL = "Issues de l'atelier"


def draft_actions(workshop: WorkshopStore, vote: Vote, results: pd.DataFrame, n: int, axis_id: str,
                  zone_ids: list[str], user: str) -> list[str]:
    """Create one action « à lancer » in axis `axis_id` for each of the `n` items with the most dots (`results`
    from WorkshopStore.results; items without a dot are left out), on the plan's zones `zone_ids`; return the new
    action ids, recorded on the vote (`WorkshopStore.drafts_of`). Each action's description names the vote and its
    dots; an occupation item fills `occupation_codes`. `axis_id` WORKSHOP_AXIS creates that axis (« Issues de
    l'atelier ») when the plan lacks it.

    WorkshopError (French) for a vote on the plan's own actions, with no dot yet, or already turned into actions
    (a second click, here or on another server); the plan's PlanValidationError (French) for an unknown axis."""
    if vote.subject == "actions":
        raise WorkshopError("Ce vote porte sur des actions déjà inscrites au plan : rien à créer.")
    top = results[results["dots"] > 0].head(int(n))
    if top.empty:
        raise WorkshopError("Aucune gommette n'a encore été posée : aucune action à créer.")
    plan = workshop.plan
    workshop.claim_drafts(vote.vote_id, user)
    created: list[str] = []
    try:
        if axis_id == WORKSHOP_AXIS and WORKSHOP_AXIS not in set(plan.axes_frame()["axis_id"]):
            plan.upsert_axis(WORKSHOP_AXIS, WORKSHOP_AXIS_LABEL, user, comment=f"Axe créé pour le vote {vote.vote_id}")
        for rank, row in enumerate(top.itertuples(index=False), start=1):
            values = {
                "axis_id": axis_id, "title": row.label, "status": "a_lancer", "zone_ids": " ".join(zone_ids),
                "description": f"Priorité n° {rank} du vote « {vote.title} » ({vote.vote_id}) : {row.dots} "
                               f"gommette(s) de {row.voters} participant(s).",
            }
            if vote.subject == "occupations" and row.ref:
                values["occupation_codes"] = str(row.ref)
            created.append(plan.create_action(values, user, comment=f"Action issue du vote {vote.vote_id}"))
    except Exception:
        if created:
            workshop.record_drafts(vote.vote_id, created)
        else:
            workshop.release_drafts(vote.vote_id)
        raise
    workshop.record_drafts(vote.vote_id, created)
    return created

"""The top items of a vote turned into draft actions of the plan (status « à lancer »), in one step."""

from __future__ import annotations

import pandas as pd

from ..plan.store import PlanStore
from .errors import WorkshopError
from .store import Vote


def draft_actions(plan: PlanStore, vote: Vote, results: pd.DataFrame, n: int, axis_id: str,
                  zone_ids: list[str], user: str) -> list[str]:
    """Create one action « à lancer » in axis `axis_id` for each of the `n` items with the most dots (`results`
    from WorkshopStore.results; items without a dot are left out), on the plan's zones `zone_ids`; return the new
    action ids. Each action's description names the vote and its dots; an occupation item fills
    `occupation_codes`. WorkshopError for a vote on the plan's own actions or with no dot yet; the plan's
    PlanValidationError (French) for an unknown axis."""
    if vote.subject == "actions":
        raise WorkshopError("Ce vote porte sur des actions déjà inscrites au plan : rien à créer.")
    top = results[results["dots"] > 0].head(int(n))
    if top.empty:
        raise WorkshopError("Aucune gommette n'a encore été posée : aucune action à créer.")
    created = []
    for rank, row in enumerate(top.itertuples(index=False), start=1):
        values = {
            "axis_id": axis_id, "title": row.label, "status": "a_lancer", "zone_ids": " ".join(zone_ids),
            "description": f"Priorité n° {rank} du vote « {vote.title} » ({vote.vote_id}) : {row.dots} gommette(s) "
                           f"de {row.voters} participant(s).",
        }
        if vote.subject == "occupations" and row.ref:
            values["occupation_codes"] = str(row.ref)
        created.append(plan.create_action(values, user, comment=f"Action issue du vote {vote.vote_id}"))
    return created

"""Job titles written by firms (« agt de fabrication H/F », « soudeur tig », « resp. maintenance ») → ROME 4.0
appellations and codes, offline.

Method: both sides are normalised (`normalise`: accents, case, « H/F », gendered pairs « Soudeur / Soudeuse »,
gendered and plural endings, common abbreviations, little words), then compared with `rapidfuzz`
(`process.cdist`, the mean of `fuzz.token_set_ratio` and `fuzz.ratio` — the first forgives word order and extra
words, the second prefers the appellation closest in length). The best appellation gives the code; the next
two candidates are the next best *codes*. A title goes to the review queue (status « review », code left
empty, never forced onto a code; `reason` says why) when its score is under `THRESHOLD`, or when a high score
is not enough to trust it (`REVIEW_REASONS`): the appellation adds qualifying words the firm did not write
(« agt de fab » → « Agent de fabrication du verre »), an appellation of another ROME code scores within
`CLOSE_MARGIN` of the best, or the title uses an abbreviation that stands for several words (`AMBIGUOUS`).
Confirmed titles (`memory`: normalised title → code, appellation) are matched with score 100 before any fuzzy
matching.

Source of the appellations: the pack table `occupation_titles` (ROME 4.0 appellations, France Travail
open data), completed by the ROME 4.0 labels of the `occupations` table (all a pack without appellations has).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

THRESHOLD = 70.0  # under it a title goes to the review queue
CLOSE_MARGIN = 3.0  # another ROME code scoring within this of the best: ambiguous, to review
WORD_MATCH = 80.0  # fuzz.ratio from which a word of the appellation counts as written in the title (typos)
REVIEW_REASONS = ("score", "less_specific", "close_codes", "ambiguous")
TOP_APPELLATIONS = 30  # appellations looked at per title to find the next distinct codes
CANDIDATES = 2  # next codes reported besides the best

ABBREVIATIONS = {
    "agt": "agent", "ag": "agent", "resp": "responsable", "respons": "responsable", "rsp": "responsable",
    "tech": "technicien", "techn": "technicien", "tec": "technicien", "techni": "technicien",
    "ass": "assistant", "asst": "assistant", "assist": "assistant", "cond": "conducteur", "condu": "conducteur",
    "op": "operateur", "opr": "operateur", "oper": "operateur", "pl": "poids lourd", "spl": "poids lourd",
    "sl": "poids lourd", "vl": "vehicule leger", "caces": "cariste", "cariste caces": "cariste",
    "mecanic": "mecanicien", "meca": "mecanicien", "mec": "mecanicien", "elec": "electricien",
    "electr": "electricien", "maint": "maintenance", "mainten": "maintenance", "prod": "production",
    "fab": "fabrication", "fabric": "fabrication", "commerc": "commercial", "com": "commercial",
    "cial": "commercial", "adm": "administratif", "admin": "administratif", "admi": "administratif",
    "compta": "comptable", "rh": "ressources humaines", "grh": "ressources humaines", "ide": "infirmier",
    "as": "aide soignant", "ash": "agent service hospitalier", "avs": "auxiliaire vie", "aes": "accompagnant educatif",
    "amp": "aide medico psychologique", "adv": "administration vente", "qse": "qualite securite environnement",
    "qhse": "qualite hygiene securite environnement", "cnc": "commande numerique", "cn": "commande numerique",
    "bts": "", "cap": "", "bep": "", "cdi": "", "cdd": "", "interim": "", "alternance": "", "apprenti": "",
    "alternant": "", "stage": "", "stagiaire": "", "urgent": "", "confirme": "", "experimente": "",
    "debutant": "", "junior": "", "senior": "", "polyvalent": "polyvalent", "equipe": "equipe",
    "auto": "automobile", "indus": "industriel", "kine": "kinesitherapeute", "tig": "tungsten inert gas tig",
    "ouv": "ouvrier", "ouvr": "ouvrier", "empl": "employe", "emp": "employe", "dev": "developpeur",
    "devlp": "developpeur", "info": "informatique", "inf": "infirmier", "chef equipe": "chef equipe",
    "mag": "magasinier", "prepa": "preparateur", "prep": "preparateur", "cde": "commande", "cdes": "commande",
    "cmd": "commande", "auxil": "auxiliaire", "aux": "auxiliaire", "secr": "secretaire", "secret": "secretaire",
    "ing": "ingenieur", "ingr": "ingenieur", "dir": "directeur", "dr": "directeur", "btp": "btp", "h": "", "f": "",
    "hf": "", "fh": "", "x": "", "e": "", "se": "", "ne": "", "euse": "", "rice": "", "trice": "",
}
# Abbreviations that stand for several words in job titles: the expansion chosen may be the wrong one.
AMBIGUOUS = frozenset({"as", "ass", "com", "inf", "info", "dr", "dir", "ag", "op", "aux", "dev", "prep", "mec",
                       "cond", "mag", "emp", "tec"})
STOP_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "en", "et", "a", "au", "aux", "un", "une",
                        "pour", "sur", "avec", "par", "dans"})
# Feminine or plural endings → the masculine singular the appellations start with (both sides get the same).
ENDINGS = (("trices", "teur"), ("trice", "teur"), ("euses", "eur"), ("euse", "eur"), ("iennes", "ien"),
           ("ienne", "ien"), ("ieres", "ier"), ("iere", "ier"), ("eres", "er"), ("ere", "er"), ("ives", "if"),
           ("ive", "if"), ("onnes", "on"), ("onne", "on"), ("ees", "e"), ("ee", "e"), ("ales", "al"), ("aux", "al"),
           ("antes", "ant"), ("ante", "ant"), ("entes", "ent"), ("ente", "ent"), ("ettes", "et"), ("ette", "et"), ("ffes", "f"), ("ffe", "f"))
# Phrases rewritten before the words are split (an abbreviation that depends on its neighbour).
PHRASES = ((r"\bsemi auto(matique)?\b", "semi automatique"), (r"\bfast food\b", "restauration rapide"),
           (r"\bcaces(?: r?\d+\w?)+", "caces"))
INCLUSIVE = re.compile(r"(\w)[.·•](?:e|euse|rice|ice|ne|ere|le)(?:[.·•]s)?\b", re.IGNORECASE)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").lower()


def _stem(word: str) -> str:
    if len(word) <= 3:
        return word
    for ending, masculine in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)] + masculine
    if word.endswith(("s", "x")) and len(word) > 4:
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    text = INCLUSIVE.sub(r"\1", text)
    text = re.sub(r"\b(h\s*/\s*f|f\s*/\s*h|h\s*-\s*f|f\s*-\s*h|h/f/x|m\s*/\s*f)\b", " ", text)
    text = re.sub(r"[^a-z0-9/]+", " ", text).replace("/", " / ")
    for pattern, replacement in PHRASES:
        text = re.sub(pattern, replacement, text)
    out: list[str] = []
    for token in text.split():
        if token == "/":
            out.append("/")
            continue
        expanded = ABBREVIATIONS.get(token, token)
        for word in expanded.split():
            if word in STOP_WORDS or (expanded != token and out and out[-1] == _stem(word)):
                continue
            out.append(_stem(word))
    return out


def _halves(text: object) -> list[list[str]]:
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return []
    folded = _fold(text)
    folded = re.sub(r"['’`]", " ", folded)
    folded = folded.replace(".", " ").replace("-", " ").replace("(", " ").replace(")", " ")
    halves, current = [], []
    for word in _words(folded):
        if word == "/":
            halves.append(current)
            current = []
        else:
            current.append(word)
    halves.append(current)
    return [h for h in halves if h]


def normalise(text: object) -> str:
    """A job title reduced for matching: « Agt. de fabrication (H/F) » → « agent fabrication »,
    « Soudeur / Soudeuse TIG » → « soudeur tungsten inert gas tig », « Conductrices PL » → « conducteur poids lourd ».

    Lower case without accents; gender marks (H/F, F/H, (e), ·e) and little words dropped; abbreviations of
    `ABBREVIATIONS` and `PHRASES` expanded; feminine and plural endings brought to the masculine singular; of the
    two halves of a gendered pair « X / Y rest » the longer is kept. Returns '' for an empty or missing title."""
    halves = _halves(text)
    if not halves:
        return ""
    if len(halves) > 1 and _pair(halves):
        return " ".join(max(halves, key=len))
    return " ".join(w for h in halves for w in h)


def appellation_keys(label: object) -> list[str]:
    """The normalised keys an appellation is matched by: one for « Soudeur / Soudeuse TIG » (a gendered pair,
    `normalise`), one per half for « Barman / Barmaid » or « Valet / Femme de chambre » (halves whose first words
    differ even after the endings are brought back)."""
    halves = _halves(label)
    if len(halves) > 1 and not _pair(halves):
        return list(dict.fromkeys(" ".join(h) for h in halves))
    key = normalise(label)
    return [key] if key else []


def _pair(halves: list[list[str]]) -> bool:
    """Whether « X / Y » is a gendered pair (the halves start with the same stemmed word), not « A / B »."""
    first = halves[0]
    return all(h[0] == first[0] or (len(first) > 1 and h[:2] == first[:2]) for h in halves[1:])


def _trigrams(text: str) -> set[str]:
    return {word[i:i + 3] for word in text.split() if len(word) >= 3 for i in range(len(word) - 2)}


SHORTLIST = 150  # appellations scored per title, those sharing the rarest word starts first
PREFIX = 4  # letters of a word an appellation is looked up by (a typo further in still finds it)


@dataclass
class TitleIndex:
    """The appellations a title is matched against: `frame` has columns rome_code, rome_label, appellation,
    key (the normalised appellation); one row per distinct (rome_code, key). `by_prefix` maps the first `PREFIX`
    letters of each word of the keys to the rows holding it (the prefilter: a title is scored only against the
    appellations sharing a word start with it)."""

    frame: pd.DataFrame
    by_prefix: dict[str, np.ndarray] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    by_trigram: dict[str, np.ndarray] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rows: dict[str, list[int]] = {}
        for row, key in enumerate(self.frame["key"]):
            for word in set(key.split()):
                rows.setdefault(word[:PREFIX], []).append(row)
        self.by_prefix = {prefix: np.array(found, dtype=np.int64) for prefix, found in rows.items()}
        self.labels = dict(zip(self.frame["rome_code"], self.frame["rome_label"], strict=True))

    def trigram_rows(self, key: str) -> np.ndarray:
        """The rows sharing the most letter trigrams with `key` (at most `SHORTLIST`): the fallback of a title whose
        word starts all have a typo (« osudeur »), instead of scoring every appellation."""
        if not self.by_trigram:
            grams: dict[str, list[int]] = {}
            for row, text in enumerate(self.frame["key"]):
                for gram in _trigrams(text):
                    grams.setdefault(gram, []).append(row)
            self.by_trigram = {g: np.array(r, dtype=np.int64) for g, r in grams.items()}
        found = [self.by_trigram[g] for g in _trigrams(key) if g in self.by_trigram]
        if not found:
            return np.arange(len(self.frame))
        weight = np.bincount(np.concatenate(found), minlength=len(self.frame))
        candidates = np.flatnonzero(weight)
        if len(candidates) > SHORTLIST:
            candidates = candidates[np.argpartition(-weight[candidates], SHORTLIST)[:SHORTLIST]]
        return candidates

    @property
    def keys(self) -> list[str]:
        return self.frame["key"].tolist()

    def label_of(self, code: str) -> str:
        return self.labels.get(code, "")

    @property
    def codes(self) -> set[str]:
        return set(self.frame["rome_code"])

    def rows_for(self, key: str) -> np.ndarray:
        """The rows worth scoring for `key`: those sharing a word start with it, at most `SHORTLIST` of them,
        the ones sharing the rarest word starts first (inverse document frequency); when none does, those sharing
        the most letter trigrams (`trigram_rows`)."""
        found = [self.by_prefix[p] for p in {w[:PREFIX] for w in key.split()} if p in self.by_prefix]
        if not found:
            return self.trigram_rows(key)
        if len(found) == 1 and len(found[0]) <= SHORTLIST:
            return found[0]
        size = len(self.frame)
        weight = np.bincount(np.concatenate(found),
                             weights=np.concatenate([np.full(len(f), np.log(size / len(f)) + 0.01) for f in found]),
                             minlength=size)
        candidates = np.flatnonzero(weight)
        if len(candidates) > SHORTLIST:
            candidates = candidates[np.argpartition(-weight[candidates], SHORTLIST)[:SHORTLIST]]
        return candidates


def build_index(titles: pd.DataFrame | None, occupations: pd.DataFrame | None) -> TitleIndex:
    """The index of a pack's appellations.

    `titles`: the pack table `occupation_titles` (occupation_code, title_id, label) or None; `occupations`: the
    pack table `occupations` (system, code, label), of which the ROME4 rows give the code labels and are
    matched too. Raises ValueError (French) when neither holds a ROME 4.0 label."""
    rome = pd.DataFrame(columns=["code", "label"])
    if occupations is not None and len(occupations):
        rome = occupations.loc[occupations["system"] == "ROME4", ["code", "label"]].astype(str)
    labels = dict(zip(rome["code"], rome["label"], strict=True))
    parts = [pd.DataFrame({"rome_code": rome["code"], "appellation": rome["label"]})]
    if titles is not None and len(titles):
        parts.append(pd.DataFrame({"rome_code": titles["occupation_code"].astype(str),
                                   "appellation": titles["label"].astype(str)}))
    frame = pd.concat(parts, ignore_index=True)
    if frame.empty:
        raise ValueError("le pack n'a ni appellations ROME 4.0 (table « occupation_titles ») ni métiers ROME 4.0 "
                         "(table « occupations ») : aucun intitulé ne peut être rapproché")
    first = frame.drop_duplicates("rome_code").set_index("rome_code")["appellation"].to_dict()
    frame["rome_label"] = [labels.get(code) or first[code] for code in frame["rome_code"]]
    frame["key"] = [appellation_keys(t) for t in frame["appellation"]]
    frame = frame.explode("key").dropna(subset=["key"])
    frame = frame[frame["key"] != ""].drop_duplicates(["rome_code", "key"]).reset_index(drop=True)
    return TitleIndex(frame)


_INDEXES: dict = {}  # pack key → (its title tables, its TitleIndex); a few packs at most
MAX_INDEXES = 4


def index_of_pack(territory) -> TitleIndex:
    """`build_index` over a `Territory`'s tables `occupation_titles` and `occupations`, built once per pack (~4 s
    on the national pack) and shared by the survey page, the pairing lists and the commands: keyed on the pack's
    fingerprint, or for a pack made in memory on its title tables themselves. Raises ValueError like
    `build_index`."""
    titles, occupations = territory.tables.get("occupation_titles"), territory.tables.get("occupations")
    key = territory.fingerprint or ("memory", id(titles), id(occupations))
    hit = _INDEXES.get(key)
    if hit is not None and (territory.fingerprint or (hit[0][0] is titles and hit[0][1] is occupations)):
        return hit[1]
    index = build_index(titles, occupations)
    while len(_INDEXES) >= MAX_INDEXES:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[key] = ((titles, occupations), index)
    return index


RESULT_COLUMNS = ["title", "normalised", "rome_code", "rome_label", "appellation", "score", "candidates", "status",
                  "reason"]


def _written(word: str, title_words: list[str]) -> bool:
    """Whether an appellation's `word` is in the title: the same word, a typo of it, or its start (« maint »)."""
    return any(word == t or (len(t) >= 3 and word.startswith(t)) or fuzz.ratio(word, t) >= WORD_MATCH
               for t in title_words)


def _ambiguous(title: object) -> bool:
    if not isinstance(title, str):
        return False
    tokens = re.sub(r"[^a-z0-9]+", " ", _fold(title)).split()
    return any(t in AMBIGUOUS for t in tokens)


def _score_key(key: str, index: TitleIndex, keys_all, codes, lengths, workers: int) -> tuple:
    """(code, appellation, score, next codes, reasons) of one normalised title (reasons as in `match_titles`)."""
    rows = index.rows_for(key)
    rows = rows[np.argsort(np.abs(lengths[rows] - len(key)), kind="stable")]  # ties: closest length first
    by_set = process.extract(key, keys_all[rows].tolist(), scorer=fuzz.token_set_ratio, limit=TOP_APPELLATIONS)
    rows = rows[[i for _, _, i in by_set]]
    scores = (np.array([score for _, score, _ in by_set], dtype=np.float32)
              + process.cdist([key], keys_all[rows].tolist(), scorer=fuzz.ratio, workers=workers)[0]) / 2
    order = np.argsort(-scores, kind="stable")
    best_code = codes[rows[order[0]]]
    best_score = float(scores[order[0]])
    words = key.split()
    # of the best code's appellations, the best one whose every word the title wrote (« Soudeur » rather than
    # « Soudeur arc » for « soudeur »); none: the title is less specific than the appellation
    plain = next((j for j in order if codes[rows[j]] == best_code
                  and all(_written(w, words) for w in keys_all[rows[j]].split())), None)
    chosen = order[0] if plain is None else plain
    ranked: list[str] = []
    runner_up = 0.0
    for col in order:
        code = codes[rows[col]]
        if code not in ranked:
            ranked.append(code)
            if len(ranked) == 2:
                runner_up = float(scores[col])
        if len(ranked) > CANDIDATES:
            break
    reasons = []
    if plain is None:
        reasons.append("less_specific")
    if len(ranked) > 1 and best_score - runner_up < CLOSE_MARGIN:
        reasons.append("close_codes")
    return best_code, index.frame["appellation"].iat[rows[chosen]], float(scores[chosen]), ranked[1:], reasons


def match_titles(titles: Iterable[object], index: TitleIndex, memory: Mapping[str, tuple[str, str]] | None = None,
                 threshold: float = THRESHOLD, workers: int = 1) -> pd.DataFrame:
    """Match free-text job titles to ROME 4.0 codes.

    Returns one row per input title, in order, with columns: title (as given), normalised, rome_code (str, ''
    when not trusted), rome_label, appellation (the best appellation, shown even when to review), score (float
    0–100, that appellation's), candidates (list of codes: the `CANDIDATES` next distinct codes; for a title to
    review, the best code first), status (« memory »: a confirmed title; « matched »: trusted; « review »: to
    review, code left empty; « empty »: no title), reason (text, for « review »: the `REVIEW_REASONS` that apply,
    space-separated — « score » under `threshold`, « less_specific » the appellation adds words the title does not
    have, « close_codes » another code within `CLOSE_MARGIN` points, « ambiguous » an abbreviation of `AMBIGUOUS`;
    '' otherwise). `memory`: normalised title → (rome_code, appellation) confirmed by an editor.
    Each distinct normalised title is scored once, against the appellations sharing a word start with it
    (`TitleIndex.rows_for`): `rapidfuzz.process.extract` then `process.cdist`."""
    titles = list(titles)
    memory = memory or {}
    keys = [normalise(t) for t in titles]
    distinct = sorted({k for k in keys if k and k not in memory})
    found: dict[str, tuple] = {}
    if distinct:
        keys_all = index.frame["key"].to_numpy()
        codes = index.frame["rome_code"].to_numpy()
        lengths = index.frame["key"].str.len().to_numpy()
        for key in distinct:
            found[key] = _score_key(key, index, keys_all, codes, lengths, workers)
    ambiguous = {t: _ambiguous(t) for t in set(t for t in titles if isinstance(t, str))}
    rows = []
    for title, key in zip(titles, keys, strict=True):
        if not key:
            rows.append([title, key, "", "", "", 0.0, [], "empty", ""])
        elif key in memory:
            code, appellation = memory[key]
            rows.append([title, key, code, index.label_of(code), appellation, 100.0, [], "memory", ""])
        else:
            code, appellation, score, others, reasons = found[key]
            reasons = (["score"] if score < threshold else []) + reasons + (
                ["ambiguous"] if ambiguous.get(title, False) else [])
            ok = not reasons
            rows.append([title, key, code if ok else "", index.label_of(code) if ok else "", appellation,
                         round(score, 1), others if ok else [code, *others][:CANDIDATES + 1],
                         "matched" if ok else "review", " ".join(reasons)])
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)

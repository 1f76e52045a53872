"""`python -m gpect_core plan ...`: export and import the plan as XLSX, read its history, manage local accounts.

The store is the one named by $GPECT_DB_URL (default: the SQLite file var/plan.sqlite); when it is empty it
is first loaded with the plan of the pack ($GPECT_PACK, default data/demo), as the app does.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from .. import settings
from ..errors import GpectError
from . import auth
from .labels import label
from .store import PlanStore
from .values import display_value


def _open_store(args: argparse.Namespace, with_zones: bool = False):
    territory = None
    pack = Path(args.pack) if args.pack else settings.pack_path()
    if (pack / "manifest.json").exists():
        from ..territory import Territory

        territory = Territory.load(pack)
    store = PlanStore.open(args.db, territory)
    if not with_zones:
        return store
    from ..readers.rome import rome_referential

    return store, (set(territory.zones["zone_id"].astype(str)) if territory is not None else None), \
        rome_referential(territory)


def _cmd_export(args: argparse.Namespace) -> int:
    from .xlsx import export_store

    store = _open_store(args)
    export_store(store, args.out)
    plan = store.snapshot()
    print(f"Plan exporté dans {args.out} : {len(plan['action'])} actions, {len(plan['indicator'])} indicateurs, "
          f"{len(plan['indicator_value'])} valeurs (base {store.url}).")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from ..i18n import t
    from .xlsx import apply_import, diff_plans, import_doubts, import_problems, read_workbook

    store, zones, rome = _open_store(args, with_zones=True)
    incoming = read_workbook(args.file)
    problems = import_problems(store, incoming, known_zones=zones, known_rome=rome)
    if problems:
        print(t("hostile.plan.preview_problems", n=len(problems), file=Path(args.file).name), file=sys.stderr)
        for problem in problems:
            print(f"  - {problem.message}", file=sys.stderr)
        print("Rien n'a été modifié.", file=sys.stderr)
        return 1
    differences = diff_plans(store.snapshot(), incoming)
    changes = [d for d in differences if d.kind != "absent du fichier"]
    kept = [d for d in differences if d.kind == "absent du fichier"]
    if not changes:
        print(f"Aucune différence entre {args.file} et le plan enregistré.")
    else:
        print(f"{len(changes)} différence(s) entre {args.file} et le plan enregistré :")
        for difference in changes:
            print(f"  - {difference.describe()}")
    for difference in kept:
        print(f"  · {difference.describe()}")
    doubts = import_doubts(store, incoming) if changes else []
    if doubts:
        print(t("hostile.plan.confirm_list", file=Path(args.file).name, n=len(doubts)))
        for doubt in doubts:
            print(f"  ! {doubt.message}")
    if not args.apply:
        if changes:
            print("Rien n'a été modifié. Relancez avec --apply --user IDENTIFIANT"
                  + (" --confirm" if doubts else "") + " pour appliquer ces différences.")
        return 1 if doubts else 0
    if doubts and not args.confirm:
        print(t("hostile.plan.confirm_needed", file=Path(args.file).name, n=len(doubts)), file=sys.stderr)
        return 1
    if not args.user:
        print("--apply demande --user : chaque modification de l'historique nomme son auteur.", file=sys.stderr)
        return 2
    count = apply_import(store, incoming, user=args.user, comment=f"Import de {Path(args.file).name}",
                         known_zones=zones, confirmed=bool(args.confirm), known_rome=rome)
    print(f"{count} modification(s) appliquée(s) par {args.user} ; elles figurent dans l'historique.")
    return 0


def _cmd_history(args: argparse.Namespace) -> int:
    store = _open_store(args)
    history = store.history_frame(args.action, limit=args.limit)
    for row in history.itertuples():
        print(f"n° {row.history_id}  {row.at.tz_convert('Europe/Paris'):%d/%m/%Y %H:%M}  {row.user_name}  "
              f"{row.entity} {row.entity_id}  {row.field} : « {display_value(row.field, row.before)} » → "
              f"« {display_value(row.field, row.after)} »" + (f"  ({row.comment})" if row.comment else ""))
    return 0


def _read_password(args: argparse.Namespace) -> str | None:
    if getattr(args, "oidc", False):
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Mot de passe : ")
    if getpass.getpass("Mot de passe (encore) : ") != first:
        raise auth.AuthError("Les deux mots de passe diffèrent ; rien n'a été enregistré.")
    return first


def _end_logins(args: argparse.Namespace) -> None:
    """End the account's logins on every app server (shared store)."""
    from .auth_sessions import LoginRevocations

    try:
        store = PlanStore.open(args.db)
        try:
            LoginRevocations(store).revoke_account(args.username)
        finally:
            store.close()
    except GpectError as exc:
        raise auth.AuthError(f"Le compte « {args.username} » est modifié, mais ses connexions en cours n'ont pas pu "
                             f"être fermées (elles expirent d'elles-mêmes sous 12 h) : {exc.message}") from None
    print(f"Ses connexions en cours sont fermées sur tous les serveurs de l'application ({store.url}).")


def _cmd_user(args: argparse.Namespace) -> int:
    path = auth.accounts_path(args.accounts)
    if args.user_command == "add":
        account = auth.add_user(path, args.username, _read_password(args), args.role, name=args.name or "")
        print(f"Compte « {account.username} » ({label('role', account.role)}) créé dans {path}.")
    elif args.user_command == "passwd":
        auth.set_password(path, args.username, _read_password(args))
        print(f"Mot de passe de « {args.username} » changé.")
        _end_logins(args)
    elif args.user_command == "role":
        auth.set_role(path, args.username, args.role)
        print(f"« {args.username} » a maintenant le rôle {label('role', args.role)}.")
    elif args.user_command == "remove":
        auth.remove_user(path, args.username)
        print(f"Compte « {args.username} » supprimé.")
        _end_logins(args)
    else:
        accounts = auth.load_accounts(path)
        print(f"{len(accounts)} compte(s) dans {path}")
        for account in accounts.values():
            kind = "mot de passe" if account.password_hash else "OIDC"
            print(f"  {account.username:<30} {label('role', account.role):<15} {kind:<13} {account.name}")
    return 0


def register(subparsers) -> None:
    plan = subparsers.add_parser("plan", help="plan d'action : export/import XLSX, historique, comptes")
    plan_sub = plan.add_subparsers(dest="plan_command", required=True)

    def store_options(parser):
        parser.add_argument("--db", help="URL de la base (défaut : $GPECT_DB_URL ou var/plan.sqlite)")
        parser.add_argument("--pack", help="pack qui initialise une base vide (défaut : $GPECT_PACK ou data/demo)")

    export = plan_sub.add_parser("export", help="écrit tout le plan dans un classeur XLSX (en-têtes français)")
    export.add_argument("--out", required=True, help="fichier .xlsx à écrire")
    store_options(export)
    export.set_defaults(func=_cmd_export)

    imp = plan_sub.add_parser("import", help="montre les différences d'un classeur avec le plan ; --apply les applique")
    imp.add_argument("file", help="classeur .xlsx exporté puis modifié")
    imp.add_argument("--apply", action="store_true", help="applique les différences")
    imp.add_argument("--user", help="auteur des modifications, inscrit dans l'historique")
    imp.add_argument("--confirm", action="store_true",
                     help="confirme les valeurs « à vérifier » listées (un « %% » dans un budget, une feuille "
                          "masquée…) ; sans elle, un classeur qui en a n'est pas appliqué (code de sortie 1)")
    store_options(imp)
    imp.set_defaults(func=_cmd_import)

    history = plan_sub.add_parser("history", help="historique du plan (ou d'une action)")
    history.add_argument("--action", help="identifiant d'une action")
    history.add_argument("--limit", type=int, default=50)
    store_options(history)
    history.set_defaults(func=_cmd_history)

    user = plan_sub.add_parser("user", help="comptes locaux (fichier hors du dépôt, mots de passe argon2)")
    user.add_argument("--accounts", help=f"fichier des comptes (défaut : ${auth.ACCOUNTS_ENV} ou "
                                         f"{settings.value(auth.ACCOUNTS_ENV)})")
    user.add_argument("--db", help="URL de la base partagée où les connexions sont fermées après passwd et remove "
                                   "(défaut : $GPECT_DB_URL ou var/plan.sqlite)")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="crée un compte")
    add.add_argument("username")
    add.add_argument("--role", choices=auth.ROLES, default="editeur")
    add.add_argument("--name", help="nom affiché")
    add.add_argument("--password-stdin", action="store_true", help="lit le mot de passe sur l'entrée standard")
    add.add_argument("--oidc", action="store_true", help="compte sans mot de passe, pour une connexion OIDC "
                                                         "(identifiant = adresse e-mail)")
    passwd = user_sub.add_parser("passwd", help="change un mot de passe")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    role = user_sub.add_parser("role", help="change un rôle")
    role.add_argument("username")
    role.add_argument("role", choices=auth.ROLES)
    remove = user_sub.add_parser("remove", help="supprime un compte")
    remove.add_argument("username")
    user_sub.add_parser("list", help="liste les comptes")
    for parser in (user, add, passwd, role, remove):
        parser.set_defaults(func=_cmd_user)

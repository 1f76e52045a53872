"""Who may do what: roles, and local accounts kept in a TOML file outside the repository.

Viewing needs no account; editing needs the role « editeur »; administration (partners, axes, accounts) the
role « administrateur » (which can also edit). Passwords are stored as argon2id hashes (argon2-cffi: salted,
memory-hard), never in clear. Deployments with OIDC (`st.login`) use the same file to give roles to people by
their e-mail address (an account without password whose name is the address).

The file's path is $GPECT_ACCOUNTS_FILE, by default ~/.config/gpect-atlas/accounts.toml. Its form:

    [users.edith]
    name = "Édith Martin"
    role = "editeur"
    password_hash = "$argon2id$v=19$m=65536,t=3,p=4$..."
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .. import settings
from ..errors import GpectError

ACCOUNTS_ENV = "GPECT_ACCOUNTS_FILE"
ROLES = ("lecteur", "editeur", "administrateur")
MIN_PASSWORD_LENGTH = 10
_USERNAME = re.compile(r"^[A-Za-z0-9._@+-]{2,120}$")
_hasher = PasswordHasher()


class AuthError(GpectError):
    """An account operation that cannot be done (French message)."""


@dataclass(frozen=True)
class Account:
    username: str
    name: str
    role: str
    password_hash: str = ""

    @property
    def display_name(self) -> str:
        return self.name or self.username

    @property
    def can_edit(self) -> bool:
        return can_edit(self.role)

    @property
    def can_administer(self) -> bool:
        return can_administer(self.role)


def can_edit(role: str | None) -> bool:
    return role in ("editeur", "administrateur")


def can_administer(role: str | None) -> bool:
    return role == "administrateur"


def accounts_path(path: str | os.PathLike | None = None) -> Path:
    return Path(path).expanduser() if path else settings.accounts_file()


def load_accounts(path: str | os.PathLike | None = None) -> dict[str, Account]:
    """The accounts of the file (empty when it does not exist)."""
    file = accounts_path(path)
    if not file.exists():
        return {}
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise AuthError(f"Le fichier des comptes {file} est illisible : {exc}") from None
    accounts = {}
    for username, entry in (data.get("users") or {}).items():
        role = entry.get("role", "lecteur")
        if role not in ROLES:
            raise AuthError(f"{file} : le compte « {username} » a un rôle inconnu « {role} » "
                            f"(rôles : {', '.join(ROLES)}).")
        accounts[username] = Account(username, str(entry.get("name", "")), role, str(entry.get("password_hash", "")))
    return accounts


def _write_accounts(file: Path, accounts: dict[str, Account]) -> None:
    lines = ["# Comptes locaux de GPECT Atlas (mots de passe hachés argon2id). Ne pas versionner.", ""]
    for account in sorted(accounts.values(), key=lambda a: a.username):
        lines.append(f"[users.{json.dumps(account.username)}]")
        lines.append(f"name = {json.dumps(account.name, ensure_ascii=False)}")
        lines.append(f"role = {json.dumps(account.role)}")
        if account.password_hash:
            lines.append(f"password_hash = {json.dumps(account.password_hash)}")
        lines.append("")
    file.parent.mkdir(parents=True, exist_ok=True)
    # Write beside and rename: a crash never leaves a half-written accounts file.
    handle, temp = tempfile.mkstemp(dir=file.parent, prefix=".accounts-", suffix=".toml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("\n".join(lines))
        os.chmod(temp, 0o600)
        os.replace(temp, file)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def add_user(path: str | os.PathLike | None, username: str, password: str | None, role: str, name: str = "",
             replace: bool = False) -> Account:
    """Create (or with `replace`, overwrite) an account. `password` None makes an OIDC-only account."""
    file = accounts_path(path)
    if not _USERNAME.match(username or ""):
        raise AuthError(f"Identifiant « {username} » invalide : 2 à 120 lettres, chiffres ou . _ @ + -.")
    if role not in ROLES:
        raise AuthError(f"Rôle « {role} » inconnu (rôles : {', '.join(ROLES)}).")
    accounts = load_accounts(file)
    if username in accounts and not replace:
        raise AuthError(f"Le compte « {username} » existe déjà.")
    password_hash = ""
    if password is not None:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AuthError(f"Mot de passe trop court : au moins {MIN_PASSWORD_LENGTH} caractères.")
        password_hash = _hasher.hash(password)
    account = Account(username, name, role, password_hash)
    accounts[username] = account
    _write_accounts(file, accounts)
    return account


def set_password(path: str | os.PathLike | None, username: str, password: str) -> None:
    accounts = load_accounts(path)
    if username not in accounts:
        raise AuthError(f"Le compte « {username} » n'existe pas.")
    old = accounts[username]
    add_user(path, username, password, old.role, old.name, replace=True)


def set_role(path: str | os.PathLike | None, username: str, role: str) -> None:
    accounts = load_accounts(path)
    if username not in accounts:
        raise AuthError(f"Le compte « {username} » n'existe pas.")
    if role not in ROLES:
        raise AuthError(f"Rôle « {role} » inconnu (rôles : {', '.join(ROLES)}).")
    old = accounts[username]
    accounts[username] = Account(old.username, old.name, role, old.password_hash)
    _write_accounts(accounts_path(path), accounts)


def remove_user(path: str | os.PathLike | None, username: str) -> None:
    accounts = load_accounts(path)
    if accounts.pop(username, None) is None:
        raise AuthError(f"Le compte « {username} » n'existe pas.")
    _write_accounts(accounts_path(path), accounts)


def authenticate(path: str | os.PathLike | None, username: str, password: str) -> Account | None:
    """The account if the password is right, else None (same answer for an unknown user)."""
    account = load_accounts(path).get((username or "").strip())
    if account is None or not account.password_hash:
        _hasher.hash(password or "x")  # spend the same time as a real check
        return None
    try:
        _hasher.verify(account.password_hash, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    return account


def role_of_oidc_user(path: str | os.PathLike | None, email: str | None) -> Account:
    """An OIDC-logged-in person: the role of the account named by their e-mail, else « lecteur »."""
    email = (email or "").strip()
    account = load_accounts(path).get(email) if email else None
    return account or Account(email or "inconnu", email, "lecteur")

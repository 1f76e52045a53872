"""The login cookie written by the server, HttpOnly: two HTTP routes of the app's ASGI entry point (`serve.py`,
`st.App(..., routes=SESSION_ROUTES)`; Streamlit 1.67 runs it with `streamlit run serve.py`).

After a login, the page POSTs a one-minute signed ticket (holding the login token) to `POST /api/gpect/session`, whose
answer sets the `gpect_session` cookie HttpOnly (page JavaScript cannot read it), SameSite=Strict, Secure over https,
for SESSION_HOURS; `POST /api/gpect/logout` deletes it. Both refuse a request from another origin. Under
`streamlit run app.py` these routes do not exist and the page writes the cookie itself (`session.write_login_cookie`).
"""

from __future__ import annotations

from itsdangerous import BadSignature
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

SESSION_PATH = "/api/gpect/session"
LOGOUT_PATH = "/api/gpect/logout"
TICKET_SECONDS = 60
MOUNTED = False  # set by serve.py when the routes are part of the running server


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    host = request.headers.get("x-forwarded-host") or request.headers.get("host")
    return bool(origin and host) and origin.split("://", 1)[-1] == host


def _secure(request: Request) -> bool:
    return (request.headers.get("x-forwarded-proto") or request.url.scheme) == "https"


async def _session(request: Request) -> Response:
    from ui.plan import session

    if not _same_origin(request):
        return Response("Origine refusée.", status_code=403)
    ticket = (await request.body()).decode("ascii", "replace")[:4000]
    try:
        token = session.ticket_serializer().loads(ticket, max_age=TICKET_SECONDS)
    except (BadSignature, ValueError, TypeError):
        return Response("Ticket de connexion invalide ou expiré.", status_code=403)
    if not isinstance(token, str) or await run_in_threadpool(session.account_of_token, token) is None:
        return Response("Connexion refusée.", status_code=403)
    response = Response(status_code=204)
    response.set_cookie(session.COOKIE, token, max_age=session.SESSION_HOURS * 3600, path="/", httponly=True,
                        samesite="strict", secure=_secure(request))
    return response


async def _logout(request: Request) -> Response:
    from ui.plan import session

    if not _same_origin(request):
        return Response("Origine refusée.", status_code=403)
    response = Response(status_code=204)
    response.delete_cookie(session.COOKIE, path="/", httponly=True, samesite="strict", secure=_secure(request))
    return response


SESSION_ROUTES = [Route(SESSION_PATH, _session, methods=["POST"]), Route(LOGOUT_PATH, _logout, methods=["POST"])]

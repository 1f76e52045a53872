"""The app's ASGI entry point: `streamlit run serve.py` serves app.py with the routes that set the login cookie
HttpOnly (ui/plan/session_http.py). `streamlit run app.py` still works, with the cookie written by the page."""

from streamlit.starlette import App

from ui.plan import session_http

session_http.MOUNTED = True
app = App("app.py", routes=session_http.SESSION_ROUTES)

"""Streamlit side of the workshop: saving views, presenter mode, the facilitator's page, the participants' page."""

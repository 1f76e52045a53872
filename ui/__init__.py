"""Streamlit-side helpers shared by app.py and the pages (gpect_core stays free of streamlit)."""

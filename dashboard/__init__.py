"""The Streamlit dashboard over the event store: `app.py` routes, `pages/` show, `queries.py` asks DuckDB."""

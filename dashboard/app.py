"""The dashboard's router: page config, the shared sidebar filters, and the pages.

    streamlit run dashboard/app.py        (or `make run`)

Pages are thin (read filters, call a query, build a chart, render); the filter widgets are created here, on
every run, with fixed keys, so they hold as the user moves between pages, and they mirror the URL.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from dashboard import sidebar, ui

HERE = Path(__file__).parent

# An emoji favicon is drawn locally (a data: URL); a Material icon as favicon would come from fonts.gstatic.com.
st.set_page_config(page_title="Conflict timeline", page_icon="📈", layout="wide")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

# The page scripts live in app_pages/, not pages/: a folder named pages/ beside the entry file switches Streamlit
# to its older folder-based navigation on a session's first run, which fights st.navigation.
PAGES = [
    st.Page(HERE / "app_pages" / "timeline.py", title="Timeline", icon=":material/timeline:", default=True),
    st.Page(HERE / "app_pages" / "trends.py", title="Trends", icon=":material/bar_chart:", url_path="trends"),
    st.Page(HERE / "app_pages" / "actors.py", title="Actors", icon=":material/groups:", url_path="actors"),
    st.Page(HERE / "app_pages" / "map.py", title="Map", icon=":material/map:", url_path="map"),
    st.Page(HERE / "app_pages" / "events.py", title="Events", icon=":material/table:", url_path="events"),
    st.Page(HERE / "app_pages" / "sources.py", title="Sources", icon=":material/article:", url_path="sources"),
    st.Page(HERE / "app_pages" / "add_articles.py", title="Add articles", icon=":material/upload_file:",
            url_path="add"),
]

current = st.navigation(PAGES)
try:
    sidebar.render()
except Exception:  # a broken sidebar must not take the pages down; the page says what is wrong
    ui.log.exception("sidebar failed")
    st.sidebar.error("The filters could not be loaded; see the server log.")
current.run()

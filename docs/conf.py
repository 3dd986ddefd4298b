"""Sphinx configuration: MyST Markdown pages, API reference from docstrings."""

from importlib.metadata import version as _version

project = "newsmodel"
author = "The newsmodel developers"
copyright = "2026, the newsmodel developers"
release = _version("newsmodel")

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinxarg.ext",  # the command line's reference, generated from its parser
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "separated"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Offline builds: no inventories are fetched, so nothing here names a remote inventory.
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}

# furo lets wide tables and long code lines scroll instead of cutting them off.
html_theme = "furo"
html_title = "newsmodel"

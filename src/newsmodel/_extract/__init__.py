"""Pure extraction heuristics behind the parsers: content, metadata, bylines, dates, quotes."""

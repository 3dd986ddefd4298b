"""RSS 2.0, RSS 1.0 and Atom 1.0 feeds in (the facade is :mod:`newsmodel.feeds`)."""

"""NewsML 1.x in (the facade is :mod:`newsmodel.newsml1`)."""

"""NITF 3.6 out (the facade is :mod:`newsmodel.nitf`); reading NITF is shared with NewsML 1,
in :mod:`newsmodel._codecs.nitf_document`."""

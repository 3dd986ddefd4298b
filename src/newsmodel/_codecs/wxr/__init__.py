"""WordPress exports (WXR) in (the facade is :mod:`newsmodel.wxr`)."""

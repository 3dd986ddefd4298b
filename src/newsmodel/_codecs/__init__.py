"""The codecs' private implementations, one subpackage per format (facades live one level up)."""
